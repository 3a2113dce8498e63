// The database a command-line script works on (DATABASE_URL, or the embedded one), or a
// clear message and exit 1 — e.g. while `npm start` holds the embedded database.
import { openConfiguredDatabase } from '@/lib/db/client';
import { migrateAndSeedDemo } from '@/lib/server/demo-database';
import type { Connection } from '@/lib/db/connect';

export async function openForScript(options: {
  /** Migrate the embedded database and seed the demo if it is empty (as the server does). */
  prepareEmbedded: boolean;
  statementTimeoutMs?: number;
}): Promise<Connection> {
  try {
    return await openConfiguredDatabase({
      prepareEmbedded: options.prepareEmbedded ? migrateAndSeedDemo : undefined,
      statementTimeoutMs: options.statementTimeoutMs,
    });
  } catch (error) {
    console.error(`[cpro] ${(error as Error).message}`);
    process.exit(1);
  }
}
