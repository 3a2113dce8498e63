// Test databases on every driver the tests must cover: embedded PGlite (in memory) always,
// and a real PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set — each test file
// gets its own freshly created database there, dropped afterwards.
import crypto from 'node:crypto';
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
}

/** A test database: the owner's connection, and how to reach it as the application's role. */
export interface TestConnection extends Connection {
  /**
   * The same database as production's least-privilege role (`npm run db:roles`) sees it, on
   * PostgreSQL; PGlite has one user, the owner: this connection itself. Closed with it.
   */
  asAppRole(): Promise<Connection>;
}

function adminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
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
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE ${name}`);
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
  const scratch = await createScratchDatabase(base);
  const connection = connectPostgres(scratch.url, {
    logger: options.logger,
    poolSize: 4,
    statementTimeoutMs: options.statementTimeoutMs,
  });
  await connection.migrate();
  let app: { role: string; connection: Connection } | undefined;
  return {
    ...connection,
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
        const connection = await openInMemory({ logger: options.logger });
        await connection.migrate();
        return { ...connection, asAppRole: async () => connection };
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
