// `npm run trace:purge`: deletes the access-trace records older than the retention period
// (TRACE_RETENTION_MONTHS, default 12), the sign-in counters that no longer count and the
// expired print tokens. Meant for a daily cron job on PostgreSQL; on the embedded database
// it refuses clearly while `npm start` holds it.
import { openForScript } from './open-database';
import { purgeTraces, retentionLimit } from '@/lib/trace/acces';
import { purgeExpired } from '@/lib/server/purge';

const limit = retentionLimit(new Date());
const connection = await openForScript({ prepareEmbedded: true });
try {
  const count = await purgeTraces(connection.db, limit);
  console.log(
    `${count} trace(s) d'accès antérieure(s) au ${limit.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} supprimée(s).`,
  );
  const expired = await purgeExpired(connection.db);
  console.log(
    `${expired.connexionEchecs} compteur(s) de connexion, ${expired.jetonsImpression} jeton(s) d'impression, ${expired.pdf} PDF en cache et ${expired.sessions} session(s) expirés supprimés.`,
  );
} finally {
  await connection.close();
}
