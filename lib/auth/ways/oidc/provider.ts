// The school's ENT by OpenID Connect, as next-auth's provider `ent`: discovery from the
// issuer, Authorization Code with PKCE, `state` and `nonce`, the client authenticated to
// the token endpoint with HTTP Basic (client_secret_basic). The ID token is verified by
// next-auth's client (signature, issuer, audience, nonce). OpenID Connect Core (§5.4) has a
// provider that issues an access token return the `email` and `profile` claims from its
// UserInfo endpoint rather than in the ID token — what panva's oidc-provider does by
// default — so when the ID token lacks them they are read there, and UserInfo's `sub` must
// be the ID token's (§5.3.2). The identity (`sub`, and `email` when `email_verified`) is
// mapped to an existing teacher account
// (ent-identities.ts); an identity no account matches, or a deactivated account's, is
// refused with the French 403 page (ent-refusal.ts) — nothing is created.
import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { decodeJwt } from 'jose';
import { getDb } from '@/lib/db/client';
import { accountForEntIdentity } from '@/lib/auth/ent-identities';
import { entUser, type EntUser } from '@/lib/auth/ent-refusal';

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
    userinfo: {
      async request({ tokens, client }) {
        // Already verified by next-auth's client (signature, issuer, audience, nonce).
        const idToken = tokens.id_token ? decodeJwt(tokens.id_token) : {};
        if (typeof idToken.email === 'string' || !tokens.access_token) return idToken;
        const userinfo = await client.userinfo(tokens.access_token);
        if (typeof idToken.sub !== 'string' || userinfo.sub !== idToken.sub) {
          throw new Error("UserInfo ne parle pas de l'identité du jeton d'identité (sub).");
        }
        return { ...idToken, email: userinfo.email, email_verified: userinfo.email_verified };
      },
    },
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
