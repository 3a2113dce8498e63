// `npm run trace:purge`: deletes the access-trace records older than the retention period
// (TRACE_RETENTION_MONTHS, default 12), the sign-in counters that no longer count and the
// expired print tokens. Meant for a daily cron job on PostgreSQL; on the embedded database
// it refuses clearly while `npm start` holds it.
import { openForScript } from './open-database';
import { purgeTraces, retentionLimit } from '@/lib/trace/acces';
import { purgeExpired } from '@/lib/server/purge';
import { compte } from '@/lib/common/pluriel';

const limit = retentionLimit(new Date());
const connection = await openForScript({ prepareEmbedded: true });
try {
  const count = await purgeTraces(connection.db, limit);
  console.log(
    `${compte(count, "trace d'accès antérieure", "traces d'accès antérieures")} au ${limit.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} ${count < 2 ? 'supprimée' : 'supprimées'}.`,
  );
  const expired = await purgeExpired(connection.db);
  console.log(
    `Expirés et supprimés : ${compte(expired.connexionEchecs, 'compteur de connexion', 'compteurs de connexion')}, ${compte(expired.jetonsImpression, "jeton d'impression", "jetons d'impression")}, ${expired.pdf} PDF en cache, ${compte(expired.impressionsEnCours, 'impression abandonnée', 'impressions abandonnées')}, ${compte(expired.sessions, 'session', 'sessions')}.`,
  );
} finally {
  await connection.close();
}
