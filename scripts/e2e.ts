// `npm run test:e2e`: finds (or installs) Chromium, builds the app when its sources changed
// since the last build (and compiles our server), starts it on a fresh embedded database
// and runs the Playwright tests of e2e/. Exits with their status.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requireBrowserOrExit } from './ensure-browser';
import { buildIfNeeded } from './build-if-needed';
import { openEmbedded } from '@/lib/db/connect';
import { migrateAndSeedDemo } from '@/lib/server/demo-database';
import { seedE2eAccounts } from '@/e2e/accounts';

const browser = requireBrowserOrExit();

await buildIfNeeded({ next: !process.argv.includes('--no-build') });

const dataDir = path.resolve('.data/e2e');
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(path.resolve('.data/e2e-auth'), { recursive: true, force: true });
// The database the server will open: the demo, and the accounts tests own (e2e/accounts.ts).
const connection = await openEmbedded(path.join(dataDir, 'pglite'));
try {
  await migrateAndSeedDemo(connection);
  await seedE2eAccounts(connection.db);
} finally {
  await connection.close();
}

const result = spawnSync(
  process.execPath,
  [
    path.join('node_modules', '@playwright', 'test', 'cli.js'),
    'test',
    ...process.argv.slice(2).filter((a) => a !== '--no-build'),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      E2E_DATA_DIR: dataDir,
      CHROMIUM_PATH: browser.source === 'playwright' ? '' : browser.path,
    },
  },
);
process.exit(result.status ?? 1);
