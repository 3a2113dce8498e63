// The door of the print pages (/impression/…): a valid token opens it once. Its id is
// recorded as used in the database (shared by every instance), so a second read of the
// same URL is a 404, and the read is traced to the teacher the document was printed for.
import 'server-only';
import { lt } from 'drizzle-orm';
import { getAuthSecret } from '@/lib/auth/secret';
import { jetonsImpressionUtilises } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { Lecteur } from '@/lib/trace/acces';
import { verifyPrintToken } from './print-token';

/**
 * The teacher the document is printed for, or null: the token is invalid, expired, for
 * other ids, or already used.
 */
export async function claimPrintToken(
  db: Database,
  token: unknown,
  kind: string,
  ids: string[],
  now = Date.now(),
  secret = getAuthSecret(),
): Promise<Lecteur | null> {
  const verified = await verifyPrintToken(token, kind, ids, now, secret);
  if (!verified) return null;
  const fresh = await db
    .insert(jetonsImpressionUtilises)
    .values({ jti: verified.jti, expireLe: verified.expiresAt })
    .onConflictDoNothing()
    .returning({ jti: jetonsImpressionUtilises.jti });
  if (fresh.length === 0) return null;
  return { etablissementId: verified.etablissementId, utilisateurId: verified.utilisateurId };
}

/** Forgets used tokens once they have expired anyway (trace purge and start-up). */
export async function purgeUsedPrintTokens(db: Database, now = new Date()): Promise<number> {
  const purged = await db
    .delete(jetonsImpressionUtilises)
    .where(lt(jetonsImpressionUtilises.expireLe, now))
    .returning({ jti: jetonsImpressionUtilises.jti });
  return purged.length;
}
