// A real OpenID provider for the e2e tests (the npm package `oidc-provider`, panva), on a
// loopback port, with one client registered for CPRO (client_secret_basic, PKCE required)
// and its development sign-in pages: any login is accepted, and the login is the `sub`.
// The accounts below give the claims an ENT would send. Run with the provider's defaults —
// as OpenID Connect Core has it, the `email` claims then come from UserInfo, not the ID
// token — or, with `claimsInIdToken` (the cluster suite), with them in the ID token too.
import http from 'node:http';
import Provider from 'oidc-provider';

export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3198);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = 'cpro-e2e';
export const OIDC_CLIENT_SECRET = 'secret-du-client-cpro-e2e';

/** Claims by login: a teacher known by a verified e-mail, and an identity nobody has. */
const ACCOUNTS: Record<string, { email?: string; email_verified?: boolean }> = {
  'ent-sophie': { email: 'enseignant@lycee-demo.test', email_verified: true },
  'ent-vie-scolaire': { email: 'vie-scolaire@lycee-demo.test', email_verified: true },
  'ent-sophie-non-verifiee': { email: 'enseignant@lycee-demo.test', email_verified: false },
  // A second identity claiming Sophie's address once her first one is linked.
  'ent-sophie-bis': { email: 'enseignant@lycee-demo.test', email_verified: true },
  // An address that differs only by its spelling: never Sophie's account.
  'ent-sophie-espaces': { email: ' enseignant@lycee-demo.test', email_verified: true },
};

export async function startOidcProvider(
  appBaseUrl: string,
  options: { claimsInIdToken?: boolean } = {},
): Promise<() => Promise<void>> {
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/ent`],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    // Only what an ENT must configure: the claims of the `email` scope.
    ...(options.claimsInIdToken ? { conformIdTokenClaims: false } : {}),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['cle-de-test-des-cookies-oidc'] },
    async findAccount(_context, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...(ACCOUNTS[id] ?? {}) };
        },
      };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(OIDC_PORT, '127.0.0.1', resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
