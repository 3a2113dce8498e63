// What deploy/Dockerfile ships, run for real: the folder scripts/assemble-image.ts gathers
// (Next.js's standalone output, our compiled server, migrations, worker scripts — no
// TypeScript source) is copied elsewhere and started with plain `node server.mjs` on a
// fresh data folder: it migrates and seeds, a teacher signs in, reads a bilan (the radar's
// worker), and prints it as a PDF.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from '../drizzle/seed/demo-ids';
import { assembleImage } from '../scripts/assemble-image';

const PORT = 3190;
const BASE = `http://localhost:${PORT}`;
let folder: string;
let server: ChildProcess;
let log = '';

test.beforeAll(async () => {
  // Assembling the image, migrating and starting it take a minute on a busy machine: the
  // hook's own time, above the poll's 90 s (the default 60 s cut it short under load).
  test.setTimeout(180_000);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-image-'));
  const app = path.join(folder, 'app');
  await assembleImage(app, path.resolve(import.meta.dirname, '..'));
  const env = {
    NODE_ENV: 'production' as const,
    PATH: process.env.PATH,
    PORT: String(PORT),
    DATA_DIR: path.join(folder, 'data'),
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: 'secret-de-test-de-l-image-au-moins-32-caracteres',
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '',
  };
  // An operator's program, compiled in the image: the embedded database migrated.
  const migrate = spawnSync(process.execPath, ['cli/db-migrate.mjs'], {
    cwd: app,
    env,
    encoding: 'utf8',
  });
  expect(migrate.status, migrate.stderr).toBe(0);
  expect(migrate.stdout).toContain('Migrations appliquées (pglite)');
  server = spawn(process.execPath, ['server.mjs'], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await expect
    .poll(
      () =>
        fetch(`${BASE}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 90_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((resolve) => server?.once('exit', resolve));
  fs.rmSync(folder, { recursive: true, force: true });
});

test('the image holds no source and serves, signs in, renders and prints', async ({ browser }) => {
  const app = path.join(folder, 'app');
  const files = fs.readdirSync(app, { recursive: true, encoding: 'utf8' });
  expect(files.filter((f) => !f.includes('node_modules') && /\.tsx?$/.test(f))).toEqual([]);
  expect(files.some((f) => f.startsWith('app/') || f.startsWith('lib/bilans'))).toBe(false);

  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Adresse électronique').fill(DEMO_ACCOUNTS.enseignant);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL(/\/bilans/);
  await page.goto(`/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
  await expect(page.locator('figure.radar-figure svg')).toBeVisible();
  const pdf = await page.request.get(`/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}/pdf`);
  expect(pdf.status(), log.slice(-2000)).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await context.close();
});
