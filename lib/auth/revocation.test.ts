import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { utilisateurs } from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import { revokeSessions } from './revocation';
import { hashPassword } from './password';

describe.each(testDrivers())('session revocation ($name)', (driver) => {
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

  it('sign-out bumps the version once, even when two sign-outs race', async () => {
    const email = 'enseignant@lycee-demo.test';
    const { id: userId, version: before } = await account(email);
    await Promise.all([
      revokeSessions(connection().db, userId, before),
      revokeSessions(connection().db, userId, before),
    ]);
    expect(await version(email)).toBe(before + 1);
  });

  it('deactivating an account or changing its password bumps the version', async () => {
    const email = 'enseignant@lycee-voisin.test';
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
