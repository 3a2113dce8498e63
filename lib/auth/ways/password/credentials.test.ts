import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { utilisateurs } from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import { verifyCredentials } from './credentials';

describe.each(testDrivers())('verifyCredentials ($name)', (driver) => {
  const connection = useDemoDatabase(driver);

  it('accepts the demo teacher, whatever the case of the e-mail', async () => {
    const user = await verifyCredentials(
      connection().db,
      ' Enseignant@Lycee-Demo.test ',
      'bilans-demo',
    );
    expect(user?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user?.sessionVersion).toBe(0);
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    expect(
      await verifyCredentials(connection().db, 'enseignant@lycee-demo.test', 'mauvais'),
    ).toBeNull();
    expect(
      await verifyCredentials(connection().db, 'personne@lycee-demo.test', 'bilans-demo'),
    ).toBeNull();
    expect(await verifyCredentials(connection().db, '', '')).toBeNull();
  });

  it('refuses a deactivated account', async () => {
    await connection()
      .db.update(utilisateurs)
      .set({ actif: false })
      .where(eq(utilisateurs.email, 'enseignant@lycee-voisin.test'));
    expect(
      await verifyCredentials(connection().db, 'enseignant@lycee-voisin.test', 'bilans-demo'),
    ).toBeNull();
  });
});
