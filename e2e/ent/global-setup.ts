// Starts the test ENT for the whole run (test-ent.ts; the app server is configured for it in
// playwright.config.ts); Playwright calls the returned function at the end.
import type { FullConfig } from '@playwright/test';
import { startTestEnt } from './test-ent';

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('baseURL manquante');
  return startTestEnt(baseURL);
}
