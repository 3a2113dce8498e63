// `npm run test:cluster`: the module as several servers — two production instances on one
// PostgreSQL database, one shared browser, nginx in front (e2e/cluster/cluster-setup.ts).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e/cluster',
  globalSetup: './e2e/cluster/cluster-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 120_000,
});
