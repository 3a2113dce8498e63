// End-to-end tests against the production build on a fresh embedded database, two workers,
// every test in parallel: the shared demo accounts are signed in once (auth.setup.ts) and
// only read with; a test that locks an account or ends its sessions owns one (accounts.ts).
// Tests that disturb the shared server (kill its Chromium) run alone, after the others.
// `npm run test:e2e` (scripts/e2e.ts) builds if needed, prepares the database, runs this.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './lib/pdf/find-chromium';
import { TEST_ENT_ENV } from './e2e/ent/test-ent';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const env: Record<string, string> = {};
for (const [key, value] of Object.entries(process.env)) {
  if (value !== undefined && key !== 'DATABASE_URL') env[key] = value;
}

export default defineConfig({
  testDir: './e2e',
  // The multi-server suite has its own cluster (playwright.cluster.config.ts).
  testIgnore: 'cluster/**',
  globalSetup: './e2e/ent/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'connexions', testMatch: 'auth.setup.ts' },
    {
      name: 'chromium',
      testIgnore: ['cluster/**', 'seul/**'],
      dependencies: ['connexions'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } },
    },
    {
      // Alone: what would disturb the tests running beside it.
      name: 'seul',
      testMatch: 'seul/**',
      dependencies: ['chromium'],
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } },
    },
  ],
  webServer: {
    command: 'node scripts/cli.mjs start --no-build',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR ?? '.data/e2e',
      // scripts/e2e.ts's PostgreSQL pass: the application's least-privilege role.
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      NEXTAUTH_URL: baseURL,
      // A short lock, so that e2e/security/throttling.spec.ts can see it end; the
      // 15-minute default is covered by lib/auth/throttle.test.ts.
      SIGNIN_LOCK_SECONDS: '6',
      // Tests running in parallel make deliberate failures; the flood rule (past so many a
      // minute, addresses with failures wait) is unit-tested in lib/auth/throttle.test.ts.
      SIGNIN_GLOBAL_PER_MINUTE: '1000',
      // The tests play clients from many addresses through X-Forwarded-For, as a reverse
      // proxy on this machine would; the default (no trusted proxy) is unit-tested in
      // lib/http/client-address.test.ts.
      TRUSTED_PROXIES: '127.0.0.1,::1',
      // The school's ENT (e2e/ent/test-ent.ts), started by e2e/ent/global-setup.ts.
      ...TEST_ENT_ENV,
    },
  },
});
