// The application's one database handle. `DATABASE_URL` set → PostgreSQL through a `pg`
// pool; unset → embedded PGlite under `.data/`, prepared (migrated, seeded with the demo)
// by whoever opens it: the server's start-up code registers that preparation
// (lib/server/startup.ts), scripts pass their own. Kept on globalThis because Next.js
// bundles pages and route handlers separately and PGlite must be opened once per process.
import 'server-only';
import { appConfig } from '@/lib/config/env';
import { embeddedDatabaseDir } from '@/lib/config/paths';
import { connectPostgres, openEmbedded, type Connection } from './connect';
import type { Database } from './types';

/** What to do with the embedded database right after opening it (migrate, seed…). */
export type EmbeddedPreparation = (connection: Connection) => Promise<void>;

const globalForDb = globalThis as typeof globalThis & {
  cproConnection?: Promise<Connection>;
  cproPrepareEmbedded?: EmbeddedPreparation;
};

/** The server's start-up code says how its embedded database is prepared. */
export function prepareServerDatabaseWith(preparation: EmbeddedPreparation): void {
  globalForDb.cproPrepareEmbedded = preparation;
}

/** Opens the database configured by the environment (used by the server and the scripts). */
export async function openConfiguredDatabase(options: {
  prepareEmbedded?: EmbeddedPreparation;
  /** For scripts doing bulk work; the server keeps the default (10 s). */
  statementTimeoutMs?: number;
}): Promise<Connection> {
  const url = appConfig().databaseUrl;
  if (url) return connectPostgres(url, { statementTimeoutMs: options.statementTimeoutMs });
  const connection = await openEmbedded(embeddedDatabaseDir());
  if (options.prepareEmbedded) {
    try {
      await options.prepareEmbedded(connection);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }
  return connection;
}

export function getConnection(): Promise<Connection> {
  if (!globalForDb.cproConnection) {
    const opening = openConfiguredDatabase({ prepareEmbedded: globalForDb.cproPrepareEmbedded });
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
