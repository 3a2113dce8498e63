// The OpenID Connect way's variables: the ENT's issuer, the client registered for CPRO, the
// label of its button. All three of issuer, id and secret, or none.
import { optionalText, url, variable } from '@/lib/config/env-schema';

export const oidcVariables = {
  OIDC_ISSUER: variable(url(['http:', 'https:']), {
    groupe: 'ENT',
    description:
      "ENT en OpenID Connect : l'émetteur (avec OIDC_CLIENT_ID et OIDC_CLIENT_SECRET, les trois ensemble). URI de redirection à déclarer dans l'ENT : <NEXTAUTH_URL>/api/auth/callback/ent.",
    defaut: 'aucun',
  }),
  OIDC_CLIENT_ID: variable(optionalText, {
    groupe: 'ENT',
    description: 'Identifiant du client CPRO auprès de l’ENT.',
    defaut: 'aucun',
  }),
  OIDC_CLIENT_SECRET: variable(optionalText, {
    groupe: 'ENT',
    description: 'Secret du client CPRO auprès de l’ENT.',
    defaut: 'aucun',
  }),
  OIDC_LABEL: variable(optionalText, {
    groupe: 'ENT',
    description: 'Nom sur le bouton « Se connecter avec … ».',
    defaut: "l'ENT",
  }),
};

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
}

export function readOidcSettings(v: {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_LABEL?: string;
}): OidcSettings | null | { probleme: string } {
  const parts = [v.OIDC_ISSUER, v.OIDC_CLIENT_ID, v.OIDC_CLIENT_SECRET];
  if (!parts.some(Boolean)) return null;
  if (!v.OIDC_ISSUER || !v.OIDC_CLIENT_ID || !v.OIDC_CLIENT_SECRET) {
    return {
      probleme:
        'OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble : renseignez les trois ou aucun',
    };
  }
  return {
    issuer: v.OIDC_ISSUER,
    clientId: v.OIDC_CLIENT_ID,
    clientSecret: v.OIDC_CLIENT_SECRET,
    label: v.OIDC_LABEL ?? "l'ENT",
  };
}
