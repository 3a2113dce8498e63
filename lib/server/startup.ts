// Server start-up (Node.js runtime only): open the database now (refusing a schema this code
// does not expect), and on SIGTERM let the prints under way finish, close the PDF browser (no
// Chromium left behind), write the queued access traces and close the database (no WAL replay).
import { closePdfService } from '@/lib/impression/producer';
import { appConfig } from '@/lib/config/env';
import { requestsDrained } from './in-flight';
import { getConnection, prepareServerDatabaseWith } from '@/lib/db/client';
import { migrateAndSeedDemo } from './demo-database';
import { consultations } from '@/lib/trace/consultations';
import { SchemaUnreadableError, schemaStatus } from '@/lib/db/schema-version';
import { purgeExpired } from './purge';
import { sampledGauge } from '@/lib/observability/registry';
import fs from 'node:fs';
import { dataDir } from '@/lib/config/paths';
import { securePrivateDir } from '@/lib/config/private-dir';
import { compte } from '@/lib/common/pluriel';

const SCHEMA_MESSAGES: Record<'vide' | 'en-retard' | 'en-avance', (pending: number) => string> = {
  vide: () =>
    "La base de données n'est pas migrée : lancez « npm run db:migrate » (puis « npm run db:seed » pour la démo).",
  'en-retard': (pending) =>
    `Le schéma de la base a ${compte(pending, 'migration', 'migrations')} de retard sur cette version : lancez « npm run db:migrate », puis redémarrez.`,
  'en-avance': () =>
    'La base a été migrée par une version plus récente du module : démarrez cette version-là (ou restaurez une sauvegarde).',
};

export async function startServerDatabase(): Promise<void> {
  // Private whatever the database (PostgreSQL keeps the session secret there too).
  if (fs.existsSync(dataDir())) securePrivateDir(dataDir());
  prepareServerDatabaseWith(migrateAndSeedDemo);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Our HTTP server has stopped taking requests (lib/server/main.ts); the prints under way
    // finish (within their budget), then the queued page-view traces are written and the
    // database closes.
    const budget = appConfig().pdf.jobTimeoutMs;
    void closePdfService(budget)
      .catch(() => undefined)
      // The answers of those prints (joined, cached, sent) and every other request under way.
      .then(() => requestsDrained(budget))
      .then(() => consultations().flush())
      .then(() => getConnection())
      .then((c) => c.close())
      .catch((error: Error) => console.error('[cpro] Arrêt :', error.message))
      .finally(() => process.exit(0));
  };
  // `on`, not `once`: while our listener stays, signal-exit (proper-lockfile's) leaves the
  // process alone instead of re-raising the signal mid-drain.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    const connection = await getConnection();
    // Read when Prometheus scrapes: the server's pool (PostgreSQL).
    const stats = connection.poolStats;
    if (stats) {
      sampledGauge(
        'cpro_db_pool_connections',
        'Connexions du pool PostgreSQL par état.',
        ['state'],
        () => Object.entries(stats()).map(([state, value]) => ({ labels: { state }, value })),
      );
    }
    // A schema this server cannot read is refused as one it does not expect: never skipped.
    // On PostgreSQL migrations are run by the operator: a server whose schema is not the
    // one this code expects refuses to start, saying what to do, rather than half-work.
    const status = await schemaStatus(connection.db);
    if (status.state !== 'a-jour') {
      console.error(`[cpro] ${SCHEMA_MESSAGES[status.state](status.pending)}`);
      process.exit(1);
    }
    // Counters and used print tokens that no longer count (also done by trace:purge).
    await purgeExpired(connection.db).catch((error: Error) =>
      console.error('[cpro] Purge au démarrage impossible :', error.message),
    );
  } catch (error) {
    if (error instanceof SchemaUnreadableError) {
      console.error(`[cpro] ${error.message}`);
      process.exit(1);
    }
    // Drizzle wraps the driver's error: its cause says what is wrong (refused, unknown host…).
    const cause = (error as Error & { cause?: Error }).cause;
    console.error(
      '[cpro] La base de données ne répond pas au démarrage :',
      cause?.message || (error as Error).message,
    );
  }
}
