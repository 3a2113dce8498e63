// `npm run trace:purge`: deletes the access-trace records older than the retention period
// (TRACE_RETENTION_MONTHS, default 12). Meant for a daily cron job on PostgreSQL; on the
// embedded database it refuses clearly while `npm start` holds it.
import { openForScript } from './open-database';
import { purgeTraces, retentionLimit } from '@/lib/trace/acces';

const limit = retentionLimit(new Date());
const connection = await openForScript({ prepareEmbedded: true });
try {
  const count = await purgeTraces(connection.db, limit);
  console.log(
    `${count} trace(s) d'accès antérieure(s) au ${limit.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} supprimée(s).`,
  );
} finally {
  await connection.close();
}
