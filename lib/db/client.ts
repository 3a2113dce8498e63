// The application's one database handle. `DATABASE_URL` set → PostgreSQL through a `pg`
// pool; unset → embedded PGlite under `.data/`, migrated and seeded with the demo data the
// first time it is opened. Kept on globalThis because Next.js bundles pages and route
// handlers separately and PGlite must be opened once per process.
import path from 'node:path';
import { dataDir } from '@/lib/config/paths';
import { connectPostgres, openEmbedded, type Connection } from './connect';
import { seedIfEmpty } from '@/drizzle/seed/seed';
import type { Database } from './types';

const globalForDb = globalThis as typeof globalThis & { cproConnection?: Promise<Connection> };

export function embeddedDatabaseDir(): string {
  return path.join(dataDir(), 'pglite');
}

/** Opens the database configured by the environment (used by the server and the scripts). */
export async function openConfiguredDatabase(options: {
  prepareEmbedded: boolean;
  /** For scripts doing bulk work; the server keeps the default (10 s). */
  statementTimeoutMs?: number;
}): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  if (url) return connectPostgres(url, { statementTimeoutMs: options.statementTimeoutMs });
  const connection = await openEmbedded(embeddedDatabaseDir());
  if (options.prepareEmbedded) {
    try {
      await connection.migrate();
      await seedIfEmpty(connection.db);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }
  return connection;
}

export function getConnection(): Promise<Connection> {
  if (!globalForDb.cproConnection) {
    const opening = openConfiguredDatabase({ prepareEmbedded: true });
    // A failed open must not be cached forever: the next request tries again.
    opening.catch(() => {
      if (globalForDb.cproConnection === opening) globalForDb.cproConnection = undefined;
    });
    globalForDb.cproConnection = opening;
  }
  return globalForDb.cproConnection;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}
