// `npm run test:cluster`: the module as several servers — two production instances on one
// PostgreSQL database, one shared browser, nginx in front (e2e/cluster/cluster-setup.ts).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './lib/pdf/find-chromium';
import { CLUSTER } from './e2e/cluster/cluster-state';

export default defineConfig({
  testDir: './e2e/cluster',
  globalSetup: './e2e/cluster/cluster-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 120_000,
  // The ENT sign-ins need both instances: they run before cluster.spec.ts kills one.
  projects: [
    { name: 'ent', testMatch: 'ent.spec.ts' },
    { name: 'cluster', testMatch: 'cluster.spec.ts', dependencies: ['ent'] },
  ],
  // For the ENT sign-ins, made in a browser through nginx.
  use: {
    baseURL: CLUSTER.publicUrl,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: CHROMIUM_ARGS,
    },
  },
});
