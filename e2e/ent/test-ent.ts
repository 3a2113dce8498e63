// The test ENT both e2e suites start and configure the app for: a real OpenID provider
// (oidc-provider.ts) and a CAS 3.0 server written from the specification (cas-server.ts).
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_ISSUER,
  startOidcProvider,
} from './oidc-provider';
import { CAS_LABEL, CAS_URL, startCasServer } from './cas-server';

export const OIDC_LABEL = 'MonLycée.net (test)';

/** The app's environment for the test ENT. */
export const TEST_ENT_ENV = {
  OIDC_ISSUER,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_LABEL,
  CAS_URL,
  CAS_LABEL,
};

/**
 * Starts both servers for an app at `appBaseUrl`; returns what stops them. The OpenID
 * provider runs with its defaults (claims from UserInfo) unless `oidcClaimsInIdToken`.
 */
export async function startTestEnt(
  appBaseUrl: string,
  options: { oidcClaimsInIdToken?: boolean } = {},
): Promise<() => Promise<void>> {
  const stops = [
    await startOidcProvider(appBaseUrl, { claimsInIdToken: options.oidcClaimsInIdToken }),
    await startCasServer(),
  ];
  return async () => {
    for (const stop of stops) await stop();
  };
}
