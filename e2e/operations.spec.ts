// What an operator relies on, on the production build with a server of its own (embedded
// database, fresh data folder): readiness and liveness, one JSON log line per request with its
// id and no pupil's name, e-mail, token or query string, Prometheus metrics behind their token,
// a backup taken while the server runs, a clean stop on SIGTERM, and a restore that serves
// every bilan, trace and token again. On PostgreSQL, a schema behind refuses to start.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from '../drizzle/seed/demo-ids';
import { NOMS } from '../drizzle/seed/noms';
import { openEmbedded } from '../lib/db/connect';
import { DEMO_UAI } from '../drizzle/seed/demo-data';
import { rowsOf } from '../lib/db/rows';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PORT = 3196;
const BASE = `http://localhost:${PORT}`;
const METRICS_TOKEN = 'jeton-de-metriques-de-test';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-exploitation-'));

interface Running {
  process: ChildProcess;
  log: () => string;
  exit: Promise<number | null>;
}

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    NEXTAUTH_URL: BASE,
    METRICS_TOKEN,
    LOG_LEVEL: 'info',
    ...extra,
  };
  if (!extra.DATABASE_URL) delete base.DATABASE_URL;
  return base;
}

/** Every server this file started: `npm start` and the server it runs, one process group. */
const started: Running[] = [];

/** Kills a server's whole group: its `npm start` and the server under it, whatever state. */
function killGroup(running: Running): void {
  try {
    process.kill(-running.process.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function start(dataDir: string, extra: Record<string, string> = {}): Running {
  let log = '';
  // Its own process group: a failing test still stops the server under `npm start` (killing
  // the parent alone left it serving, and the next run's port taken).
  const child = spawn(process.execPath, ['scripts/cli.mjs', 'start', '--no-build'], {
    env: env(dataDir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = { process: child, log: () => log, exit };
  started.push(running);
  return running;
}

async function ready(): Promise<void> {
  await expect
    .poll(
      () =>
        fetch(`${BASE}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 120_000 },
    )
    .toBe(200);
}

async function signIn(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get(`${BASE}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await request.post(`${BASE}/api/auth/callback/credentials`, {
    form: { email: DEMO_ACCOUNTS.enseignant, password: DEMO_PASSWORD, csrfToken, json: 'true' },
  });
  expect(response.status()).toBe(200);
}

async function fingerprint(dataDir: string) {
  const connection = await openEmbedded(path.join(dataDir, 'pglite'));
  try {
    return rowsOf<Record<string, string>>(
      await connection.db.execute(sql`
        select (select count(*) from bilans)::text as bilans,
               (select count(*) from traces_acces)::text as traces,
               (select count(*) from pronote_jetons)::text as jetons,
               (select md5(string_agg(id::text || constats || coalesce(valide_le::text, ''), ',' order by id)) from bilans) as archives,
               (select md5(string_agg(p.bilan_id::text || p.competence_id::text || p.niveau::text, ',' order by p.bilan_id, p.competence_id)) from positionnements p) as niveaux`),
    )[0];
  } finally {
    await connection.close();
  }
}

test.afterAll(() => {
  for (const running of started) killGroup(running);
  fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * The first server's database: the demo, a PRONOTE token, and a trigger that makes each
 * PRONOTE read fail with a database error of another kind — a unique violation, a NUL byte, a
 * deadlock — each carrying a pupil's name in its DETAIL, as real errors carry data.
 */
async function prepareWithDatabaseErrors(dataDir: string): Promise<string> {
  // The command line makes the database (migrated, the demo) and prints the token once.
  const created = spawnSync(
    process.execPath,
    ['scripts/cli.mjs', 'pronote-token', '--uai', DEMO_UAI, '--label', 'e2e'],
    { env: env(dataDir), encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);
  const jeton = /cpro_pn_\S+/.exec(created.stdout)![0];
  const connection = await openEmbedded(path.join(dataDir, 'pglite'));
  try {
    await connection.db.execute(sql`create sequence essai_erreurs`);
    await connection.db.execute(
      sql.raw(`
      create function essai_erreur() returns trigger language plpgsql as $$
      declare n bigint := nextval('essai_erreurs');
      begin
        if n % 3 = 1 then
          raise exception 'doublon' using errcode = '23505', constraint = 'essai_unique',
            detail = 'Key (nom)=(HUBERT Angie) already exists.';
        elsif n % 3 = 2 then
          raise exception 'octet nul' using errcode = '22021', detail = 'HUBERT Angie';
        else
          raise exception 'interblocage' using errcode = '40P01', detail = 'HUBERT Angie';
        end if;
      end $$`),
    );
    await connection.db.execute(
      sql`create trigger essai_erreur before insert on pronote_lectures for each row execute function essai_erreur()`,
    );
    return jeton;
  } finally {
    await connection.close();
  }
}

test('health, logs, metrics, a backup while serving, SIGTERM, restore', async ({ playwright }) => {
  const first = path.join(folder, 'premier');
  const pronoteToken = await prepareWithDatabaseErrors(first);
  const server = start(first);
  await ready();
  const request = await playwright.request.newContext();
  try {
    expect(await (await request.get(`${BASE}/api/health`)).json()).toEqual({
      status: 'ok',
      database: 'ok',
      schema: 'a-jour',
      navigateur: 'ok',
    });
    expect((await request.get(`${BASE}/api/health/live`)).status()).toBe(200);

    await signIn(request);
    const page = await request.get(
      `${BASE}/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}?x=1`,
      {
        headers: { 'X-Request-Id': 'venu-du-client' },
      },
    );
    expect(page.status()).toBe(200);
    // Loopback is no trusted proxy here: the client's id is replaced by our own.
    const id = page.headers()['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const pdf = await request.get(
      `${BASE}/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}/pdf`,
    );
    expect(pdf.status()).toBe(200);
    await request.get(`${BASE}/bilans?classe=${DEMO_IDS.classe}`);

    // Database errors of three kinds, as the server meets them: each request fails, and the
    // log says the SQL state and the route — never the statement, its parameters or DETAIL.
    for (let i = 0; i < 3; i++) {
      const failed = await request.get(`${BASE}/api/pronote/v1/bilans`, {
        headers: { Authorization: `Bearer ${pronoteToken}` },
      });
      expect(failed.status()).toBeGreaterThanOrEqual(500);
    }
    for (const state of ['23505', '22021', '40P01']) {
      await expect.poll(() => server.log()).toContain(`SQLSTATE ${state}`);
    }
    expect(server.log()).toContain('(route /api/pronote/v1/bilans)');

    // Unknown paths, signed out, never make new series: 120 of them, a closed list of labels.
    const words = ['x', 'HUBERT', 'Angie', 'wp-admin', 'etc', 'passwd', '..', 'a b', 'é'];
    for (let i = 0; i < 120; i++) {
      const w = (k: number) => encodeURIComponent(words[(i * 7 + k) % words.length]! + i);
      const paths = [`/impression/${w(1)}`, `/api/auth/${w(2)}/${w(3)}`, `/${w(4)}/${w(5)}`];
      await request.get(`${BASE}${paths[i % 3]}`, { maxRedirects: 0 }).catch(() => undefined);
    }

    // Metrics: 404 without the variable is tested below; here 401, then the figures.
    expect((await request.get(`${BASE}/api/metrics`)).status()).toBe(401);
    expect(
      (
        await request.get(`${BASE}/api/metrics`, { headers: { Authorization: 'Bearer faux' } })
      ).status(),
    ).toBe(401);
    const metrics = await (
      await request.get(`${BASE}/api/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    expect(metrics).toContain(
      'cpro_http_requests_total{route="/bilans/[apprenantId]/[bilanId]",method="GET",status="200"}',
    );
    expect(metrics).toMatch(/cpro_pdf_duration_seconds_count\{document="bilan",cache="miss"\} 1/);
    expect(metrics).toMatch(/cpro_signins_total\{outcome="succes",way="credentials"\} 1/);
    expect(metrics).toContain('cpro_print_queue_jobs{state="waiting"}');
    expect(metrics).toContain('cpro_chromium_memory_bytes');
    expect(metrics).not.toContain(DEMO_IDS.angie);
    const known = new Set([
      ...Object.values(
        JSON.parse(fs.readFileSync('.next/app-path-routes-manifest.json', 'utf8')) as Record<
          string,
          string
        >,
      ),
      '(autre)',
      '/_next/*',
    ]);
    const labels = new Set(
      [...metrics.matchAll(/cpro_http_requests_total\{route="([^"]*)"/g)].map((m) => m[1]!),
    );
    for (const l of labels) expect(known.has(l), l).toBe(true);

    // The log: one JSON line per request, with its id; nothing personal.
    await expect.poll(() => server.log().includes(id!)).toBe(true);
    const lines = server
      .log()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const line = JSON.parse(lines.find((l) => l.includes(id!))!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      requestId: id,
      method: 'GET',
      route: '/bilans/[apprenantId]/[bilanId]',
      status: 200,
    });
    const log = server.log();
    for (const secret of [
      ...NOMS,
      'Angie',
      DEMO_ACCOUNTS.enseignant,
      '@lycee-demo.test',
      DEMO_IDS.angie,
      '?x=1',
      'cpro_pn_',
      'csrfToken',
      'Failed query',
      'params:',
      'already exists',
    ]) {
      expect(log, secret).not.toContain(secret);
    }

    // SIGTERM while a class document prints: no new request is taken, the print is
    // delivered, then the server stops by itself, cleanly.
    const printing = request.get(`${BASE}/classes/${DEMO_IDS.classe}/derniers-bilans/pdf`, {
      timeout: 60_000,
    });
    await expect
      .poll(
        async () =>
          (
            await (
              await request.get(`${BASE}/api/metrics`, {
                headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
              })
            ).text()
          ).includes('cpro_print_queue_jobs{state="printing"} 1'),
        { intervals: [50], timeout: 30_000 },
      )
      .toBe(true);
    server.process.kill('SIGTERM');
    const delivered = await printing.catch((error: Error) => {
      throw new Error(`${error.message}\n${server.log().slice(-4000)}`);
    });
    expect(delivered.status(), server.log().slice(-3000)).toBe(200);
    expect((await delivered.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await server.exit).toBe(0);

    // A backup taken while a server runs (started again on the same data; nothing is
    // written between the backup and its stop, so the restore must be identical).
    const again = start(first);
    await ready();
    const file = path.join(folder, 'sauvegarde.tar.gz');
    const backup = spawnSync(process.execPath, ['scripts/cli.mjs', 'db-backup', file], {
      env: env(first),
      encoding: 'utf8',
    });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('pendant que le serveur tourne');
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
    again.process.kill('SIGTERM');
    expect(await again.exit).toBe(0);

    const second = path.join(folder, 'restaure');
    const restore = spawnSync(process.execPath, ['scripts/cli.mjs', 'db-restore', file], {
      env: env(second),
      encoding: 'utf8',
    });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
    const restored = start(second);
    await ready();
    const reader = await playwright.request.newContext();
    await signIn(reader);
    expect(
      (await reader.get(`${BASE}/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}`)).status(),
    ).toBe(200);
    await reader.dispose();
    restored.process.kill('SIGTERM');
    expect(await restored.exit).toBe(0);
  } finally {
    await request.dispose();
    killGroup(server);
  }
});

test('without METRICS_TOKEN the metrics do not exist; on PostgreSQL a schema behind or unreadable refuses to start, the app role is ready', async () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  test.skip(!adminUrl, 'needs PostgreSQL: set TEST_DATABASE_URL');
  const name = `cpro_e2e_ops_${crypto.randomBytes(4).toString('hex')}`;
  const role = `${name}_app`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    // Migrated to the previous release only: the last migration record removed.
    const migrate = spawnSync(process.execPath, ['scripts/cli.mjs', 'db-migrate'], {
      env: env(path.join(folder, 'pg'), { DATABASE_URL: url.toString() }),
      encoding: 'utf8',
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(
      'delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)',
    );
    await client.end();
    const behind = start(path.join(folder, 'pg'), { DATABASE_URL: url.toString() });
    expect(await behind.exit).toBe(1);
    expect(behind.log()).toContain(
      'Le schéma de la base a 1 migration de retard sur cette version : lancez « npm run db:migrate », puis redémarrez.',
    );

    // As docs/securite.md deploys it, on a database of its own: migrated by the owner, then
    // the application's role made by `npm run db:roles`; the server connects as that role.
    await admin.query(`create database ${name}_b`);
    url.pathname = `/${name}_b`;
    const migrated = spawnSync(process.execPath, ['scripts/cli.mjs', 'db-migrate'], {
      env: env(path.join(folder, 'pg'), { DATABASE_URL: url.toString() }),
      encoding: 'utf8',
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    const roles = spawnSync(process.execPath, ['scripts/cli.mjs', 'db-roles', role], {
      env: env(path.join(folder, 'pg'), { DATABASE_URL: url.toString() }),
      encoding: 'utf8',
    });
    expect(roles.status, roles.stderr).toBe(0);
    const appUrl = new URL(url);
    appUrl.username = role;
    const asApp = start(path.join(folder, 'pg'), { DATABASE_URL: appUrl.toString() });
    try {
      await ready();
      const health = (await (await fetch(`${BASE}/api/health`)).json()) as { schema: string };
      expect(health.schema).toBe('a-jour');
    } finally {
      asApp.process.kill('SIGTERM');
      await asApp.exit;
    }
    // A role that may not read the applied migrations: the server cannot know its schema,
    // and refuses to start (it used to start and answer 503 forever).
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    await owner.query(`revoke select on drizzle.__drizzle_migrations from ${role}`);
    await owner.end();
    const blind = start(path.join(folder, 'pg'), { DATABASE_URL: appUrl.toString() });
    expect(await blind.exit).toBe(1);
    expect(blind.log()).toContain('ne peut pas lire les migrations appliquées');
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`drop database if exists ${name}_b with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  }
  const noMetrics = start(path.join(folder, 'sans-metriques'), { METRICS_TOKEN: '' });
  try {
    await ready();
    expect((await fetch(`${BASE}/api/metrics`)).status).toBe(404);
  } finally {
    noMetrics.process.kill('SIGTERM');
    await noMetrics.exit;
  }
});
