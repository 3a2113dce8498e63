// Sign-in through the school's ENT by OpenID Connect (next-auth's provider `ent`): a POST
// form to next-auth's sign-in route, which sends the browser to the ENT's issuer.
import type { SignInWay } from '../way';

export const oidcWay: SignInWay = {
  id: 'ent',
  enabled: ({ oidc }) =>
    oidc
      ? {
          id: 'ent',
          provider: async () => (await import('./provider')).entOidcProvider(oidc),
          login: {
            type: 'bouton',
            label: oidc.label,
            method: 'post',
            action: '/api/auth/signin/ent',
            csrf: true,
          },
          formTarget: new URL(oidc.issuer).origin,
        }
      : null,
};
