// Faults on the PostgreSQL driver: a production server of this build talks to a fresh
// PostgreSQL database through a TCP relay the test can cut. Database down → French 503 page
// and /api/health 503 quickly; database back → the next request works; connections killed
// by a restart → the next request works. Runs when TEST_DATABASE_URL (or DATABASE_URL) is
// set, as in CI. (A Chromium crash between two PDFs is in e2e/pdf.spec.ts.)
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { connectPostgres } from '../../lib/db/connect';
import { seedDemo } from '../../drizzle/seed/seed';
import { PASSWORD, TEACHER, signIn } from '../helpers';
import { PUPIL_ROUTES } from './fixtures';
import { TcpProxy } from './tcp-proxy';

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const SERVER_PORT = 3101;
const RELAY_PORT = 55432;
const origin = `http://localhost:${SERVER_PORT}`;

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.skip(!adminUrl, 'needs PostgreSQL: set TEST_DATABASE_URL');

let relay: TcpProxy;
let server: ChildProcess | undefined;
let serverLog = '';
const database = `cpro_e2e_faults_${crypto.randomBytes(4).toString('hex')}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitForHealth(expected: number, timeoutMs = 60_000): Promise<void> {
  try {
    await expect
      .poll(
        () =>
          fetch(`${origin}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: timeoutMs, intervals: [250] },
      )
      .toBe(expected);
  } catch {
    throw new Error(`/api/health never answered ${expected}\n${serverLog}`);
  }
}

test.beforeAll(async () => {
  const base = new URL(adminUrl!);
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  const direct = new URL(base);
  direct.pathname = `/${database}`;
  const connection = connectPostgres(direct.toString());
  await connection.migrate();
  await seedDemo(connection.db);
  await connection.close();

  relay = new TcpProxy(RELAY_PORT, { host: base.hostname, port: Number(base.port || 5432) });
  await relay.start();
  const throughRelay = new URL(direct);
  throughRelay.host = `127.0.0.1:${RELAY_PORT}`;
  // Our compiled server (npm start's), built by the e2e launcher.
  server = spawn(process.execPath, [path.join('dist', 'server.mjs')], {
    env: {
      ...process.env,
      PORT: String(SERVER_PORT),
      DATABASE_URL: throughRelay.toString(),
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('hex'),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await waitForHealth(200);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await relay?.stop();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

/** Signs the demo teacher in on this server and checks that the bilan page answers. */
async function signInAndOpenBilan(page: Page): Promise<void> {
  await signIn(page, TEACHER, PASSWORD, `${origin}/login`);
  await expect(page).toHaveURL(/\/bilans/);
  expect((await page.goto(`${origin}${PUPIL_ROUTES.bilanPage}`))?.status()).toBe(200);
}

test('database down: French 503 page and health 503 without hanging; back: the next request works', async ({
  page,
}) => {
  await signInAndOpenBilan(page);

  await relay.stop();
  const health = await page.request.get(`${origin}/api/health`, { timeout: 10_000 });
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ status: 'indisponible' });

  const down = await page.goto(`${origin}${PUPIL_ROUTES.bilanPage}`, { timeout: 15_000 });
  expect(down?.status()).toBe(503);
  await expect(
    page.getByRole('heading', { name: 'Service momentanément indisponible' }),
  ).toBeVisible();
  expect(await page.content()).not.toContain('Internal Server Error');
  const pdf = await page.request.get(`${origin}${PUPIL_ROUTES.bilanPdf}`, { timeout: 15_000 });
  expect(pdf.status()).toBe(503);
  const api = await page.request.get(`${origin}/api/pronote/v1/bilans`, {
    headers: { Authorization: 'Bearer cpro_pn_inconnu' },
    timeout: 15_000,
  });
  expect(api.status()).toBe(503);

  await relay.start();
  await page.getByRole('link', { name: 'Réessayer' }).click();
  await expect(page).toHaveURL(new RegExp(`${PUPIL_ROUTES.bilanPage}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
  expect((await page.request.get(`${origin}/api/health`)).status()).toBe(200);
});

test('a database restart (every connection killed) is survived: the next request works', async ({
  page,
}) => {
  await signInAndOpenBilan(page);

  const killed = await admin(async (client) => {
    // pg_terminate_backend in the select list: evaluated only on the rows the WHERE kept (in
    // the WHERE clause itself, the planner may call it before the other conditions).
    const result = await client.query(
      `select pid, pg_terminate_backend(pid) as killed from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid()`,
      [database],
    );
    return (result.rows as { pid: number; killed: boolean }[])
      .filter((r) => r.killed)
      .map((r) => r.pid);
  });
  expect(killed.length).toBeGreaterThan(0);
  // Once PostgreSQL has ended them, the server's pool hears that its connections are gone.
  // (Only the killed ones: the server may already have opened new ones, e.g. to write the
  // access trace of the page above — counting every connection made this test flaky.)
  await expect
    .poll(() =>
      admin(async (client) => {
        const result = await client.query(
          `select count(*)::int as n from pg_stat_activity where pid = any($1::int[])`,
          [killed],
        );
        return (result.rows[0] as { n: number }).n;
      }),
    )
    .toBe(0);
  const after = await page.goto(`${origin}${PUPIL_ROUTES.bilanPage}`);
  expect(after?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
});
