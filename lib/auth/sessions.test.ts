import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_ACCOUNTS } from '@/drizzle/seed/demo-ids';
import { sessions, utilisateurs } from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import { findAccount } from './accounts';
import { openSession, purgeSessions, revokeAllSessions, revokeSession } from './sessions';
import { hashPassword } from './ways/password/password';

describe.each(testDrivers())('sessions and revocation ($name)', (driver) => {
  const connection = useDemoDatabase(driver);

  async function account(email: string): Promise<{ id: string; version: number }> {
    const [row] = await connection()
      .db.select({ id: utilisateurs.id, version: utilisateurs.sessionVersion })
      .from(utilisateurs)
      .where(eq(utilisateurs.email, email));
    if (!row) throw new Error(`no account ${email}`);
    return row;
  }
  const version = async (email: string) => (await account(email)).version;
  const open = async (userId: string, sessionId: string) =>
    ((await findAccount(connection().db, userId, sessionId))?.sessionMoyen ?? null) !== null;

  it('signing out of one browser leaves the others signed in', async () => {
    const db = connection().db;
    const { id: userId, version: before } = await account(DEMO_ACCOUNTS.enseignant);
    const laptop = await openSession(db, userId, 'credentials', 3600);
    const schoolPc = await openSession(db, userId, 'ent', 3600);
    expect(await open(userId, laptop)).toBe(true);
    await Promise.all([revokeSession(db, userId, laptop), revokeSession(db, userId, laptop)]);
    expect(await open(userId, laptop)).toBe(false);
    expect(await open(userId, schoolPc)).toBe(true);
    // The account query also says how the session was opened (the access trace records it).
    expect((await findAccount(db, userId, schoolPc))?.sessionMoyen).toBe('ent');
    expect(await version(DEMO_ACCOUNTS.enseignant)).toBe(before);
  });

  it('another account cannot revoke or use a session it does not own', async () => {
    const db = connection().db;
    const { id: owner } = await account(DEMO_ACCOUNTS.enseignant);
    const { id: other } = await account(DEMO_ACCOUNTS.enseignantVoisin);
    const session = await openSession(db, owner, 'credentials', 3600);
    await revokeSession(db, other, session);
    expect(await open(owner, session)).toBe(true);
    expect(await open(other, session)).toBe(false);
  });

  it('« tous les appareils » ends every session of the account and bumps its version', async () => {
    const db = connection().db;
    const { id: userId, version: before } = await account(DEMO_ACCOUNTS.enseignant);
    const a = await openSession(db, userId, 'credentials', 3600);
    const b = await openSession(db, userId, 'cas', 3600);
    await revokeAllSessions(db, userId);
    expect(await open(userId, a)).toBe(false);
    expect(await open(userId, b)).toBe(false);
    expect(await version(DEMO_ACCOUNTS.enseignant)).toBe(before + 1);
  });

  it('an expired session is closed, and purged', async () => {
    const db = connection().db;
    const { id: userId } = await account(DEMO_ACCOUNTS.enseignant);
    const session = await openSession(db, userId, 'credentials', 3600);
    await db
      .update(sessions)
      .set({ expireLe: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, session));
    expect(await open(userId, session)).toBe(false);
    expect(await purgeSessions(db)).toBeGreaterThanOrEqual(1);
    const left = await db.select().from(sessions).where(eq(sessions.id, session));
    expect(left).toEqual([]);
  });

  it('deactivating an account or changing its password bumps the version', async () => {
    const email = DEMO_ACCOUNTS.enseignantVoisin;
    const before = await version(email);
    await connection()
      .db.update(utilisateurs)
      .set({ passwordHash: await hashPassword('nouveau-mot-de-passe') })
      .where(eq(utilisateurs.email, email));
    expect(await version(email)).toBe(before + 1);
    await connection()
      .db.update(utilisateurs)
      .set({ actif: false })
      .where(eq(utilisateurs.email, email));
    expect(await version(email)).toBe(before + 2);
    // Other changes (a new name) keep sessions open.
    await connection()
      .db.update(utilisateurs)
      .set({ nom: 'Autre' })
      .where(eq(utilisateurs.email, email));
    expect(await version(email)).toBe(before + 2);
  });
});
