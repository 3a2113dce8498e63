// The school's ENT by OpenID Connect, as next-auth's provider `ent`: discovery from the
// issuer, Authorization Code with PKCE, `state` and `nonce`, the client authenticated to
// the token endpoint with HTTP Basic (client_secret_basic). The identity the provider gives
// (`sub`, and `email` when `email_verified`) is mapped to an existing teacher account
// (ent-identities.ts); an identity no account matches, or a deactivated account's, is
// refused with the French 403 page (ent-refusal.ts) — nothing is created.
import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { getDb } from '@/lib/db/client';
import { accountForEntIdentity } from './ent-identities';
import { entUser, type EntUser } from './ent-refusal';

export const ENT_PROVIDER_ID = 'ent';

interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean;
}

export function entOidcProvider(settings: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
}): OAuthConfig<OidcProfile> {
  const issuer = settings.issuer.replace(/\/+$/, '');
  return {
    id: ENT_PROVIDER_ID,
    name: settings.label,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    async profile(profile): Promise<EntUser> {
      const sub = typeof profile.sub === 'string' ? profile.sub : '';
      const account = await accountForEntIdentity(await getDb(), {
        fournisseur: 'ent',
        identifiant: sub,
        emailVerifie:
          profile.email_verified === true && typeof profile.email === 'string'
            ? profile.email
            : undefined,
      });
      return entUser(account, sub);
    },
  };
}
