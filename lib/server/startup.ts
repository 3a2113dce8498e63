// Server start-up (Node.js runtime only): open the database now, and on stop close the
// PDF browser (no Chromium left behind), write the queued access traces and close the
// embedded database (no WAL replay).
import { closePdfService } from '@/lib/impression/producer';
import { sql } from 'drizzle-orm';
import { getConnection, prepareServerDatabaseWith } from '@/lib/db/client';
import { migrateAndSeedDemo } from './demo-database';
import { consultations } from '@/lib/trace/consultations';
import { z } from 'zod';
import { parseRows } from '@/lib/db/rows';
import { purgeExpired } from './purge';
import fs from 'node:fs';
import { dataDir } from '@/lib/config/paths';
import { securePrivateDir } from '@/lib/config/private-dir';

export async function startServerDatabase(): Promise<void> {
  // Private whatever the database (PostgreSQL keeps the session secret there too).
  if (fs.existsSync(dataDir())) securePrivateDir(dataDir());
  prepareServerDatabaseWith(migrateAndSeedDemo);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Queued page-view traces are written before the database closes.
    const database = consultations()
      .flush()
      .then(() => getConnection())
      .then((c) => c.close());
    void Promise.allSettled([closePdfService(), database]).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    const connection = await getConnection();
    // On PostgreSQL migrations are run by the operator: say so now rather than fail on every page.
    const [row] = parseRows(
      await connection.db.execute(sql`select to_regclass('public.bilans')::text as "table"`),
      z.object({ table: z.string().nullable() }),
    );
    if (!row?.table) {
      console.error(
        "[cpro] La base de données n'est pas migrée : lancez « npm run db:migrate » (puis « npm run db:seed » pour la démo).",
      );
    } else {
      // Counters and used print tokens that no longer count (also done by trace:purge).
      await purgeExpired(connection.db).catch((error: Error) =>
        console.error('[cpro] Purge au démarrage impossible :', error.message),
      );
    }
  } catch (error) {
    // Drizzle wraps the driver's error: its cause says what is wrong (refused, unknown host…).
    const cause = (error as Error & { cause?: Error }).cause;
    console.error(
      '[cpro] La base de données ne répond pas au démarrage :',
      cause?.message || (error as Error).message,
    );
  }
}
