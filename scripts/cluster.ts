// `npm run test:cluster`: builds if needed, then runs e2e/cluster/ — two production
// instances on one PostgreSQL database (TEST_DATABASE_URL, or the local server), one shared
// browser and Debian's nginx (see e2e/cluster/cluster-setup.ts). Exits with their status.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { requireBrowserOrExit } from './ensure-browser';
import { buildIfNeeded } from './build-if-needed';

const browser = requireBrowserOrExit();
await buildIfNeeded({ next: !process.argv.includes('--no-build') });

const result = spawnSync(
  process.execPath,
  [
    path.join('node_modules', '@playwright', 'test', 'cli.js'),
    'test',
    '--config',
    'playwright.cluster.config.ts',
    ...process.argv.slice(2).filter((a) => a !== '--no-build'),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: browser.source === 'playwright' ? '' : browser.path },
  },
);
process.exit(result.status ?? 1);
