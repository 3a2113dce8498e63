// The CAS way's variables: the ENT's CAS base URL (before /login) and its button's label.
// The service URL the ENT checks tickets against is built on NEXTAUTH_URL, never on a Host
// header: CAS needs it.
import { optionalText, url, variable } from '@/lib/config/env-schema';

export const casVariables = {
  CAS_URL: variable(url(['http:', 'https:']), {
    groupe: 'ENT',
    description:
      "ENT en CAS 3.0 : l'adresse du CAS, avant /login (demande NEXTAUTH_URL). URL de service à déclarer : <NEXTAUTH_URL>/login/cas.",
    defaut: 'aucun',
  }),
  CAS_LABEL: variable(optionalText, {
    groupe: 'ENT',
    description: 'Nom sur le bouton « Se connecter avec … » (CAS).',
    defaut: "l'ENT",
  }),
};

export interface CasSettings {
  url: string;
  label: string;
}

export function readCasSettings(
  v: { CAS_URL?: string; CAS_LABEL?: string },
  publicUrl: string | undefined,
): CasSettings | null | { probleme: string } {
  if (!v.CAS_URL) return null;
  if (!publicUrl) {
    return {
      probleme:
        "CAS_URL demande NEXTAUTH_URL (l'adresse publique de CPRO, enregistrée auprès de l'ENT)",
    };
  }
  return { url: v.CAS_URL.replace(/\/+$/, ''), label: v.CAS_LABEL ?? "l'ENT" };
}
