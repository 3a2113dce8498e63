// One row per sign-in (table `sessions`): its id travels in the session cookie and is
// checked on every request with the account (accounts.ts). « Se déconnecter » revokes this
// browser's row only; « Se déconnecter de tous les appareils » bumps the account's
// session_version, which ends every session at once (and is what deactivation and password
// changes already bump, drizzle/0003_securite.sql). Rows past their expiry are purged.
import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { sessions, utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { MoyenConnexion } from '@/lib/db/enums';
import { isUuid } from '@/lib/common/ids';

export async function openSession(
  db: Database,
  utilisateurId: string,
  moyen: MoyenConnexion,
  maxAgeSeconds: number,
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      utilisateurId,
      moyen,
      expireLe: sql`now() + make_interval(secs => ${maxAgeSeconds})`,
    })
    .returning({ id: sessions.id });
  // What the administration shows as « dernière connexion ».
  await db
    .update(utilisateurs)
    .set({ derniereConnexionLe: sql`now()` })
    .where(eq(utilisateurs.id, utilisateurId));
  return row!.id;
}

/** This browser's session only (a second sign-out changes nothing). */
export async function revokeSession(
  db: Database,
  utilisateurId: string,
  sessionId: string,
): Promise<void> {
  if (!isUuid(utilisateurId) || !isUuid(sessionId)) return;
  await db
    .update(sessions)
    .set({ revoqueeLe: sql`now()` })
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.utilisateurId, utilisateurId),
        isNull(sessions.revoqueeLe),
      ),
    );
}

/** Every session of the account, on every device, including copies of their cookies. */
export async function revokeAllSessions(db: Database, utilisateurId: string): Promise<void> {
  if (!isUuid(utilisateurId)) return;
  await db.transaction(async (tx) => {
    await tx
      .update(utilisateurs)
      .set({ sessionVersion: sql`${utilisateurs.sessionVersion} + 1` })
      .where(eq(utilisateurs.id, utilisateurId));
    await tx
      .update(sessions)
      .set({ revoqueeLe: sql`now()` })
      .where(and(eq(sessions.utilisateurId, utilisateurId), isNull(sessions.revoqueeLe)));
  });
}

/** Sessions past their end, revoked or not: nothing checks them any more. */
export async function purgeSessions(db: Database): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(lt(sessions.expireLe, sql`now()`))
    .returning({ id: sessions.id });
  return removed.length;
}
