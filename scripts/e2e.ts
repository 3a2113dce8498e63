// `npm run test:e2e`: finds (or installs) Chromium, builds the app when its sources changed
// since the last build (and compiles our server), starts it on a fresh embedded database
// and runs the Playwright tests of e2e/. With TEST_DATABASE_URL (CI sets it), the suites that
// write — administration, write API, « Rédiger un bilan » — and the readiness check run again on PostgreSQL, the
// server connected as the least-privilege role of `npm run db:roles`, as docs/securite.md
// deploys it: the owner's connection would hide a right that role lacks. Exits with their
// status. `--postgres`: the PostgreSQL pass alone.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { requireBrowserOrExit } from './ensure-browser';
import { buildIfNeeded } from './build-if-needed';
import { connectPostgres, openEmbedded, type Connection } from '@/lib/db/connect';
import { createScratchDatabase } from '@/lib/db/testing';
import { grantAppRole } from '@/lib/db/roles';
import { migrateAndSeedDemo } from '@/lib/server/demo-database';
import { seedE2eAccounts } from '@/e2e/accounts';

/** The suites run again on PostgreSQL as the application's role. */
const POSTGRES_SUITES = [
  'e2e/administration.spec.ts',
  'e2e/alimentation.spec.ts',
  'e2e/redaction.spec.ts',
  'e2e/saisie-classe.spec.ts',
];

const browser = requireBrowserOrExit();
const postgresOnly = process.argv.includes('--postgres');
const args = process.argv.slice(2).filter((a) => a !== '--no-build' && a !== '--postgres');

await buildIfNeeded({ next: !process.argv.includes('--no-build') });

/** Prepares the database: the demo, and the accounts tests own (e2e/accounts.ts). */
async function prepare(connection: Connection): Promise<void> {
  try {
    await migrateAndSeedDemo(connection);
    await seedE2eAccounts(connection.db);
  } finally {
    await connection.close();
  }
}

function playwright(testArgs: string[], env: Record<string, string>): number {
  fs.rmSync(path.resolve('.data/e2e-auth'), { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [path.join('node_modules', '@playwright', 'test', 'cli.js'), 'test', ...testArgs],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        CHROMIUM_PATH: browser.source === 'playwright' ? '' : browser.path,
        ...env,
      },
    },
  );
  return result.status ?? 1;
}

// 1. Everything, on the embedded database (`--postgres`: only the second pass).
let status = 0;
if (!postgresOnly) {
  const dataDir = path.resolve('.data/e2e');
  fs.rmSync(dataDir, { recursive: true, force: true });
  await prepare(await openEmbedded(path.join(dataDir, 'pglite')));
  status = playwright(args, { E2E_DATA_DIR: dataDir });
}

// 2. The writing suites on PostgreSQL, as the application's role (unless tests were named).
const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl && (args.length === 0 || postgresOnly)) {
  const pgDataDir = path.resolve('.data/e2e-postgres');
  fs.rmSync(pgDataDir, { recursive: true, force: true });
  const scratch = await createScratchDatabase(adminUrl, 'cpro_e2e');
  const role = `cpro_app_e2e_${crypto.randomBytes(4).toString('hex')}`;
  try {
    const owner = connectPostgres(scratch.url, { statementTimeoutMs: 0 });
    await prepare({
      ...owner,
      close: async () => {
        await grantAppRole(owner.db, role);
        await owner.close();
      },
    });
    const appUrl = new URL(scratch.url);
    appUrl.username = role;
    appUrl.password = '';
    console.log(
      `\n[e2e] PostgreSQL, rôle de l'application ${role} : ${POSTGRES_SUITES.join(', ')}`,
    );
    const pgStatus = playwright(POSTGRES_SUITES, {
      E2E_DATA_DIR: pgDataDir,
      E2E_DATABASE_URL: appUrl.toString(),
      E2E_PORT: '3101',
    });
    status = status || pgStatus;
  } finally {
    await scratch.drop();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
  }
}
process.exit(status);
