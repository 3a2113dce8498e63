// Test databases on every driver the tests must cover: embedded PGlite (in memory) always,
// and a real PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set — each test file
// gets its own database there, dropped afterwards.
//
// Migrating (and seeding) a database per test file cost most of the unit tests' time: PGlite's
// initdb alone takes ~4 s. So the run builds its templates once (vitest.global-setup.ts:
// `buildTestTemplates`) — a migrated database, and one filled with the demo — and each test file
// starts from a copy: a dump loaded into PGlite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
// Without them (a file run by another tool), every database is migrated as before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { Database } from './types';
import { connectPostgres, openInMemory, type Connection, type Driver } from './connect';
import { grantAppRole } from './roles';

export interface TestDriver {
  name: Driver;
  /** A migrated, empty database. */
  open(options?: TestOpenOptions): Promise<TestConnection>;
}

export interface TestOpenOptions {
  logger?: Logger;
  /** PostgreSQL only: 0 for suites that bulk-load data, as `npm run db:seed` does. */
  statementTimeoutMs?: number;
  /** Start from this run's template of that name (`buildTestTemplates`) when there is one. */
  template?: string;
}

/** A test database: the owner's connection, and how to reach it as the application's role. */
export interface TestConnection extends Connection {
  /** The template it was copied from, if any: its content is already there. */
  template?: string;
  /**
   * The same database as production's least-privilege role (`npm run db:roles`) sees it, on
   * PostgreSQL; PGlite has one user, the owner: this connection itself. Closed with it.
   */
  asAppRole(): Promise<Connection>;
}

function adminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

/** Where this run's templates are: set by `buildTestTemplates`, read by every worker. */
const TEMPLATES_ENV = 'CPRO_TEST_TEMPLATES';

interface TemplateManifest {
  /** Template name → file of the PGlite dump. */
  pglite: Record<string, string>;
  /** Template name → PostgreSQL database to copy. */
  postgres: Record<string, string>;
}

/** The migrated database every test starts from unless it asks for another template. */
const MIGRATED = 'migrated';

function manifest(): TemplateManifest | undefined {
  const raw = process.env[TEMPLATES_ENV];
  return raw ? (JSON.parse(raw) as TemplateManifest) : undefined;
}

/** A template's content, written once into a migrated database. */
export type TemplateFill = (db: Database) => Promise<unknown>;

/**
 * Builds this run's templates on every test driver — the migrated database and one per `fills`
 * entry — and publishes them to the workers through the environment. `dispose` removes them.
 */
export async function buildTestTemplates(
  fills: Record<string, TemplateFill>,
): Promise<{ dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-test-templates-'));
  const built: TemplateManifest = { pglite: {}, postgres: {} };
  const drops: (() => Promise<void>)[] = [];
  const dispose = async () => {
    delete process.env[TEMPLATES_ENV];
    for (const drop of drops) await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // One database per driver, dumped (or copied) after each step: the migrated schema, then
  // each template's content on top of it. Both drivers at once: PGlite is CPU, PostgreSQL waits.
  const buildPglite = async () => {
    const connection = await openInMemory();
    try {
      await connection.migrate();
      for (const [name, fill] of [[MIGRATED, undefined] as const, ...Object.entries(fills)]) {
        await fill?.(connection.db);
        const file = path.join(dir, `${name}.tar.gz`);
        fs.writeFileSync(file, Buffer.from(await (await connection.dump!()).arrayBuffer()));
        built.pglite[name] = file;
      }
    } finally {
      await connection.close();
    }
  };
  const buildPostgres = async (base: string) => {
    for (const [name, fill] of [[MIGRATED, undefined] as const, ...Object.entries(fills)]) {
      const from = built.postgres[MIGRATED];
      const scratch = await createScratchDatabase(base, `cpro_template_${name}`, from);
      drops.push(scratch.drop);
      const connection = connectPostgres(scratch.url, { poolSize: 1, statementTimeoutMs: 0 });
      try {
        if (!from) await connection.migrate();
        await fill?.(connection.db);
      } finally {
        await connection.close();
      }
      built.postgres[name] = new URL(scratch.url).pathname.slice(1);
    }
  };
  const base = adminUrl();
  const results = await Promise.allSettled([buildPglite(), base && buildPostgres(base)]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await dispose();
    throw failure.reason;
  }
  process.env[TEMPLATES_ENV] = JSON.stringify(built);
  return { dispose };
}

/** The template to start from: the one asked for if built, else the migrated one, else none. */
function pickTemplate(
  built: Record<string, string> | undefined,
  asked: string | undefined,
): { name: string; source: string } | undefined {
  for (const name of [asked, MIGRATED]) {
    const source = name ? built?.[name] : undefined;
    if (name && source) return { name, source };
  }
  return undefined;
}

async function adminQuery(base: string, query: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(query);
  } finally {
    await admin.end();
  }
}

/** A new, empty PostgreSQL database next to `base` (an admin URL), and how to drop it. */
export async function createScratchDatabase(
  base: string,
  prefix = 'cpro_test',
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(
    base,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function createPostgresDatabase(options: TestOpenOptions = {}): Promise<TestConnection> {
  const base = adminUrl();
  if (!base) throw new Error('TEST_DATABASE_URL manquant');
  const template = pickTemplate(manifest()?.postgres, options.template);
  const scratch = await createScratchDatabase(base, 'cpro_test', template?.source);
  const connection = connectPostgres(scratch.url, {
    logger: options.logger,
    poolSize: 4,
    statementTimeoutMs: options.statementTimeoutMs,
  });
  if (!template) await connection.migrate();
  let app: { role: string; connection: Connection } | undefined;
  return {
    ...connection,
    template: template?.name,
    async asAppRole() {
      if (!app) {
        // A role of this test file's own: roles are the server's, grants the database's.
        const role = `cpro_app_${crypto.randomBytes(5).toString('hex')}`;
        await grantAppRole(connection.db, role);
        const url = new URL(scratch.url);
        url.username = role;
        url.password = '';
        app = {
          role,
          connection: connectPostgres(url.toString(), {
            logger: options.logger,
            poolSize: 4,
            statementTimeoutMs: options.statementTimeoutMs,
          }),
        };
      }
      return app.connection;
    },
    async close() {
      await app?.connection.close();
      await connection.close();
      await scratch.drop();
      if (app) await adminQuery(base, `DROP ROLE IF EXISTS ${app.role}`);
    },
  };
}

export function testDrivers(): TestDriver[] {
  const drivers: TestDriver[] = [
    {
      name: 'pglite',
      async open(options = {}) {
        const template = pickTemplate(manifest()?.pglite, options.template);
        const connection = await openInMemory({
          logger: options.logger,
          loadDataDir: template && new Blob([fs.readFileSync(template.source)]),
        });
        if (!template) await connection.migrate();
        return { ...connection, template: template?.name, asAppRole: async () => connection };
      },
    },
  ];
  if (adminUrl()) drivers.push({ name: 'postgres', open: createPostgresDatabase });
  return drivers;
}

export { pgErrorCode } from './errors';

/**
 * Empties the access trace between tests. The trace is append-only
 * (drizzle/0004_securite_archives.sql); the flag its trigger honours is what
 * purger_traces_acces() raises, and a test database's owner may raise it too.
 */
export async function clearTracesForTests(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local cpro.purge_traces = 'on'`);
    await tx.execute(sql`delete from traces_acces`);
  });
}
