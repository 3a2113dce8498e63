import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_ACCOUNTS, DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { identitesExternes, utilisateurs } from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import { accountForEntIdentity, linkEntIdentity } from './ent-identities';

describe.each(testDrivers())('ENT identities ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  const accounts = async () =>
    (await connection().db.select({ n: count() }).from(utilisateurs))[0]!.n;

  it('an unknown identity gets nobody, and nothing is created', async () => {
    const db = connection().db;
    const before = await accounts();
    const identities = await db.select().from(identitesExternes);
    expect(
      await accountForEntIdentity(db, { fournisseur: 'ent', identifiant: 'inconnu-1' }),
    ).toBeNull();
    // An e-mail the provider did not verify links nothing, even a real account's.
    expect(
      await accountForEntIdentity(db, { fournisseur: 'ent', identifiant: 'inconnu-2' }),
    ).toBeNull();
    expect(
      await accountForEntIdentity(db, {
        fournisseur: 'ent',
        identifiant: 'inconnu-3',
        emailVerifie: 'personne@lycee-demo.test',
      }),
    ).toBeNull();
    expect(await accounts()).toBe(before);
    expect(await db.select().from(identitesExternes)).toEqual(identities);
  });

  it('a verified e-mail of an active account links the identity, once, and it is recorded', async () => {
    const db = connection().db;
    // The claim is compared exactly: another spelling is another address.
    for (const emailVerifie of [
      DEMO_ACCOUNTS.enseignant.toUpperCase(),
      ` ${DEMO_ACCOUNTS.enseignant} `,
      `${DEMO_ACCOUNTS.enseignant}\u0000`,
    ]) {
      expect(
        await accountForEntIdentity(db, { fournisseur: 'ent', identifiant: 'sub-x', emailVerifie }),
      ).toBeNull();
    }
    const identity = {
      fournisseur: 'ent' as const,
      identifiant: 'sub-sophie',
      emailVerifie: DEMO_ACCOUNTS.enseignant,
    };
    const [a, b] = await Promise.all([
      accountForEntIdentity(db, identity),
      accountForEntIdentity(db, identity),
    ]);
    expect(a).toMatchObject({ id: DEMO_IDS.enseignant });
    expect(b).toMatchObject({ id: DEMO_IDS.enseignant });
    const links = await db
      .select()
      .from(identitesExternes)
      .where(eq(identitesExternes.identifiant, 'sub-sophie'));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ utilisateurId: DEMO_IDS.enseignant, liaison: 'email' });
    // The same id from the other provider is another identity.
    expect(
      await accountForEntIdentity(db, { fournisseur: 'cas', identifiant: 'sub-sophie' }),
    ).toBeNull();
  });

  it('an account keeps one identity per provider: a second one is refused, the script moves it', async () => {
    const db = connection().db;
    const first = { fournisseur: 'ent' as const, identifiant: 'sub-thomas-1' };
    const email = DEMO_ACCOUNTS.enseignantVoisin;
    expect(await accountForEntIdentity(db, { ...first, emailVerifie: email })).toMatchObject({
      id: DEMO_IDS.enseignantVoisin,
    });
    // Another identity claiming the same verified address: refused, nothing linked.
    expect(
      await accountForEntIdentity(db, {
        fournisseur: 'ent',
        identifiant: 'sub-thomas-2',
        emailVerifie: email,
      }),
    ).toBe('deja-liee');
    const links = await db
      .select()
      .from(identitesExternes)
      .where(eq(identitesExternes.utilisateurId, DEMO_IDS.enseignantVoisin));
    expect(links.filter((l) => l.fournisseur === 'ent').map((l) => l.identifiant)).toEqual([
      'sub-thomas-1',
    ]);
    // The administrator moves the account to its new identity: the old one is unlinked.
    expect(await linkEntIdentity(db, email, 'ent', 'sub-thomas-2')).toBe('liee');
    expect(await accountForEntIdentity(db, first)).toBeNull();
    expect(
      await accountForEntIdentity(db, { fournisseur: 'ent', identifiant: 'sub-thomas-2' }),
    ).toMatchObject({ id: DEMO_IDS.enseignantVoisin });
  });

  it('the link script links by e-mail; a deactivated account is said to be so', async () => {
    const db = connection().db;
    expect(await linkEntIdentity(db, 'personne@x.test', 'cas', 'jdupont')).toBe('compte-inconnu');
    expect(await linkEntIdentity(db, DEMO_ACCOUNTS.enseignantVoisin, 'cas', 'jdupont')).toBe(
      'liee',
    );
    const linked = await accountForEntIdentity(db, { fournisseur: 'cas', identifiant: 'jdupont' });
    expect(linked).toMatchObject({ id: DEMO_IDS.enseignantVoisin });
    await db
      .update(utilisateurs)
      .set({ actif: false })
      .where(eq(utilisateurs.id, DEMO_IDS.enseignantVoisin));
    expect(
      await accountForEntIdentity(db, { fournisseur: 'cas', identifiant: 'jdupont' }),
    ).toMatchObject({ id: DEMO_IDS.enseignantVoisin, actif: false });
    await expect(linkEntIdentity(db, DEMO_ACCOUNTS.enseignant, 'cas', '')).rejects.toThrow();
  });
});
