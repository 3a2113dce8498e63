// The database a command-line script works on (DATABASE_URL, or the embedded one), or a
// clear message and exit 1 — e.g. while `npm start` holds the embedded database.
import { openConfiguredDatabase } from '@/lib/db/client';
import type { Connection } from '@/lib/db/connect';

export async function openForScript(options: {
  prepareEmbedded: boolean;
  statementTimeoutMs?: number;
}): Promise<Connection> {
  try {
    return await openConfiguredDatabase(options);
  } catch (error) {
    console.error(`[cpro] ${(error as Error).message}`);
    process.exit(1);
  }
}
