// Starts the test ENT for the whole run — a real OpenID provider and a CAS 3.0 server — (the
// app server is configured for both in playwright.config.ts); Playwright calls the
// returned function at the end.
import type { FullConfig } from '@playwright/test';
import { startOidcProvider } from './oidc-provider';
import { startCasServer } from './cas-server';

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('baseURL manquante');
  const stops = [await startOidcProvider(baseURL), await startCasServer()];
  return async () => {
    for (const stop of stops) await stop();
  };
}
