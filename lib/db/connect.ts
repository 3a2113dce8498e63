// Opens a database on either driver and knows how to migrate it: `pg` for a real
// PostgreSQL server, PGlite (in a folder, or in memory for tests) for the embedded default.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'drizzle-orm/logger';
import pg from 'pg';
import { migrationsDir } from '@/lib/config/paths';
import { acquireLock } from './lock';
import { DiskGuard } from './disk-guard';
import { makePrivate, securePrivateDir } from '@/lib/config/private-dir';
import * as schema from './schema';
import type { Database } from './types';

export type Driver = 'postgres' | 'pglite';

export interface Connection {
  driver: Driver;
  db: Database;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's own dump (a gzipped tarball of its folder); PGlite only. */
  dump?(): Promise<Blob>;
  /** The pool's connections now (PostgreSQL only), for the metrics (lib/server/startup.ts). */
  poolStats?(): { total: number; idle: number; waiting: number };
}

export interface ConnectOptions {
  logger?: Logger;
  /** Milliseconds before PostgreSQL cancels a statement (pg driver only; 0: never). */
  statementTimeoutMs?: number;
  poolSize?: number;
  /** Shown in pg_stat_activity; tests give their own so they can find their connections. */
  applicationName?: string;
}

export function connectPostgres(url: string, options: ConnectOptions = {}): Connection {
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // The server cancels a slow statement; the client gives up a little later in case the
    // server itself stopped answering (a half-open connection would otherwise wait forever).
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout > 0 ? statementTimeout + 5_000 : undefined,
    application_name: options.applicationName ?? 'cpro-bilans',
    // No JIT compilation: our statements take milliseconds, and compiling one takes 50 to
    // 100 ms. While a batch writes (the write API's `/lots`, a restore), the planner's
    // estimates for the bilan page's query crossed jit_above_cost now and then: page p95
    // 2.2× idle, against 1.1–1.3× without JIT (bench/alimentation.ts). An operator's own
    // `options` in DATABASE_URL still wins.
    options: '-c jit=off',
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', (error) => {
    console.error('[db] connexion PostgreSQL perdue :', error.message);
  });
  const db = drizzlePg({ client: pool, schema, logger: options.logger });
  return {
    driver: 'postgres',
    db,
    migrate: () => migratePg(db, { migrationsFolder: migrationsDir() }),
    close: () => pool.end(),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
  };
}

/**
 * Every statement to `client` first asks `guard` whether the disk has room (disk-guard.ts),
 * and tells it of a disk-full error: the three entry points drizzle uses (a transaction's
 * statements run inside its own).
 */
function guardDisk(client: PGlite, guard: DiskGuard): void {
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      guard.check();
      try {
        return await original(...args);
      } catch (error) {
        guard.observe(error);
        throw error;
      }
    };
  }
}

function wrapPglite(client: PGlite, options: ConnectOptions, release: () => void): Connection {
  const db = drizzlePglite({ client, schema, logger: options.logger });
  return {
    driver: 'pglite',
    db,
    migrate: () => migratePglite(db, { migrationsFolder: migrationsDir() }),
    dump: () => client.dumpDataDir('gzip'),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Opens the embedded database persisted in `dir`, holding its lock until closed. Its folder
 * (the data folder) is private to this account, before and after PGlite creates its files.
 */
export async function openEmbedded(
  dir: string,
  options: ConnectOptions & {
    loadDataDir?: Blob;
    /** Free space the disk must keep (disk-guard.ts); tests make it small. */
    minFreeBytes?: number;
  } = {},
): Promise<Connection> {
  securePrivateDir(path.dirname(dir));
  const release = acquireLock(`${dir}.lock`);
  try {
    // `loadDataDir`: a dump to restore into this (empty) folder (npm run db:restore).
    const client = await PGlite.create(
      dir,
      options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
    );
    makePrivate(path.dirname(dir));
    guardDisk(client, new DiskGuard(dir, options.minFreeBytes));
    return wrapPglite(client, options, release);
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A throwaway in-memory database, for tests; `loadDataDir` starts it from a dump (a test
 * template: lib/db/testing.ts), which skips PGlite's initdb — most of its start-up time.
 */
export async function openInMemory(
  options: ConnectOptions & { loadDataDir?: Blob } = {},
): Promise<Connection> {
  const client = await PGlite.create(
    options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
  );
  return wrapPglite(client, options, () => {});
}
