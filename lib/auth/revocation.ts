// Revoking sessions: bumping an account's session version makes every JWT issued before
// invalid at its next request (session.ts compares versions). Deactivation and password
// changes bump it too, through a trigger (drizzle/0003_securite.sql), whoever makes them.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { isUuid } from '@/lib/common/ids';

/** Bumps the version if it is still `fromVersion` (a second sign-out changes nothing). */
export async function revokeSessions(
  db: Database,
  userId: string,
  fromVersion: number,
): Promise<void> {
  if (!isUuid(userId)) return;
  await db
    .update(utilisateurs)
    .set({ sessionVersion: sql`${utilisateurs.sessionVersion} + 1` })
    .where(and(eq(utilisateurs.id, userId), eq(utilisateurs.sessionVersion, fromVersion)));
}
