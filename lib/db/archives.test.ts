// Bilans are archives: the database itself refuses to change them, on both drivers.
import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import {
  apprenants,
  bilans,
  classes,
  competences,
  etablissements,
  inscriptions,
  notes,
  positionnements,
} from './schema';
import { pgErrorCode, testDrivers } from './testing';

describe.each(testDrivers())('archives immuables ($name)', (driver) => {
  const connection = useDemoDatabase(driver);

  async function expectRefused(action: () => Promise<unknown>) {
    const error = await action().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'the database should have refused').not.toBeNull();
    expect(pgErrorCode(error)).toBe('42501');
  }

  async function anyBilan(validated: boolean, referentielId?: string) {
    const [row] = await connection()
      .db.select()
      .from(bilans)
      .where(
        and(
          validated ? isNotNull(bilans.valideLe) : isNull(bilans.valideLe),
          referentielId ? eq(bilans.referentielId, referentielId) : undefined,
        ),
      )
      .limit(1);
    if (!row) throw new Error('no such bilan in the demo data');
    return row;
  }

  it('refuses to change the text of a bilan', async () => {
    const bilan = await anyBilan(true);
    await expectRefused(() =>
      connection().db.update(bilans).set({ constats: 'réécrit' }).where(eq(bilans.id, bilan.id)),
    );
    const [after] = await connection().db.select().from(bilans).where(eq(bilans.id, bilan.id));
    expect(after?.constats).toBe(bilan.constats);
  });

  it('refuses to delete a bilan, a positionnement or a note', async () => {
    const bilan = await anyBilan(true);
    await expectRefused(() => connection().db.delete(bilans).where(eq(bilans.id, bilan.id)));
    await expectRefused(() =>
      connection().db.delete(positionnements).where(eq(positionnements.bilanId, bilan.id)),
    );
    await expectRefused(() => connection().db.delete(notes).where(eq(notes.bilanId, bilan.id)));
    await expectRefused(() => connection().db.execute(sql`truncate table positionnements cascade`));
  });

  it('refuses to change a positionnement or a note', async () => {
    const bilan = await anyBilan(true);
    await expectRefused(() =>
      connection()
        .db.update(positionnements)
        .set({ niveau: '++' })
        .where(eq(positionnements.bilanId, bilan.id)),
    );
    await expectRefused(() =>
      connection().db.update(notes).set({ valeur: '20' }).where(eq(notes.bilanId, bilan.id)),
    );
  });

  it('allows the one-time validation of a bilan, and nothing after it', async () => {
    const bilan = await anyBilan(false);
    await connection()
      .db.update(bilans)
      .set({ valideLe: new Date() })
      .where(eq(bilans.id, bilan.id));
    const [validated] = await connection().db.select().from(bilans).where(eq(bilans.id, bilan.id));
    expect(validated?.valideLe).not.toBeNull();
    await expectRefused(() =>
      connection()
        .db.update(bilans)
        .set({ valideLe: new Date('2030-01-01') })
        .where(eq(bilans.id, bilan.id)),
    );
    await expectRefused(() =>
      connection().db.update(bilans).set({ valideLe: null }).where(eq(bilans.id, bilan.id)),
    );
  });

  it('refuses a validation that also changes the content', async () => {
    const bilan = await anyBilan(false);
    await expectRefused(() =>
      connection()
        .db.update(bilans)
        .set({ valideLe: new Date(), conseils: 'autre chose' })
        .where(and(eq(bilans.id, bilan.id), isNull(bilans.valideLe))),
    );
  });

  it('compares the whole row at validation: a column added later is covered too', async () => {
    const bilan = await anyBilan(false);
    const db = connection().db;
    // A migration to come adds a column; the trigger lists none, so it is checked already.
    await db.execute(sql`alter table bilans add column if not exists colonne_future text`);
    try {
      await expectRefused(() =>
        db.execute(
          sql`update bilans set valide_le = now(), colonne_future = 'x' where id = ${bilan.id}`,
        ),
      );
      await expectRefused(() =>
        db.execute(sql`update bilans set colonne_future = 'x' where id = ${bilan.id}`),
      );
    } finally {
      await db.execute(sql`alter table bilans drop column colonne_future`);
    }
  });

  it('refuses a positionnement or a note added to a validated bilan, even among others', async () => {
    const bilan = await anyBilan(true);
    const open = await anyBilan(false, bilan.referentielId);
    // A competence of their referential neither bilan positions yet: the rows below would
    // really be added.
    const [competence] = await connection()
      .db.insert(competences)
      .values({ referentielId: bilan.referentielId, code: 'ESSAI', libelle: 'Essai', rang: 99 })
      .returning();
    await expectRefused(() =>
      connection()
        .db.insert(notes)
        .values({ bilanId: bilan.id, libelle: 'ajout', valeur: '20', coefficient: '1' }),
    );
    await expectRefused(() =>
      connection()
        .db.insert(positionnements)
        .values([
          { bilanId: open.id, competenceId: competence!.id, niveau: '++' },
          { bilanId: bilan.id, competenceId: competence!.id, niveau: '++' },
        ])
        .onConflictDoNothing(),
    );
    // An open bilan is still being written: adding to it is the writer's normal work.
    await connection()
      .db.insert(notes)
      .values({ bilanId: open.id, libelle: 'Oral', valeur: '12', coefficient: '1' });
  });

  it('keeps a bilan in its referential: neither its referential nor a foreign competence', async () => {
    const open = await anyBilan(false);
    const [foreign] = await connection()
      .db.select()
      .from(competences)
      .where(sql`${competences.referentielId} <> ${open.referentielId}`)
      .limit(1);
    await expectRefused(() =>
      connection()
        .db.update(bilans)
        .set({ referentielId: foreign!.referentielId })
        .where(eq(bilans.id, open.id)),
    );
    const refused = await connection()
      .db.insert(positionnements)
      .values({ bilanId: open.id, competenceId: foreign!.id, niveau: '+' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(refused)).toBe('23514');
  });

  it('refuses moving a pupil or a class to another establishment, or enrolling them there', async () => {
    const [pupil] = await connection().db.select().from(apprenants).limit(1);
    const [enrolment] = await connection()
      .db.select()
      .from(inscriptions)
      .where(eq(inscriptions.apprenantId, pupil!.id))
      .limit(1);
    const [other] = await connection()
      .db.select()
      .from(etablissements)
      .where(sql`${etablissements.id} <> ${pupil!.etablissementId}`)
      .limit(1);
    const [foreignClass] = await connection()
      .db.select()
      .from(classes)
      .where(eq(classes.etablissementId, other!.id))
      .limit(1);
    await expectRefused(() =>
      connection()
        .db.update(apprenants)
        .set({ etablissementId: other!.id })
        .where(eq(apprenants.id, pupil!.id)),
    );
    await expectRefused(() =>
      connection()
        .db.update(inscriptions)
        .set({ classeId: foreignClass!.id })
        .where(eq(inscriptions.apprenantId, pupil!.id)),
    );
    await expectRefused(() =>
      connection().db.insert(inscriptions).values({
        apprenantId: pupil!.id,
        classeId: foreignClass!.id,
        anneeScolaire: '2030-2031',
      }),
    );
    // A class of the pupil's establishment, but of another school year than the one given.
    await expectRefused(() =>
      connection().db.insert(inscriptions).values({
        apprenantId: pupil!.id,
        classeId: enrolment!.classeId,
        anneeScolaire: '2030-2031',
      }),
    );
    await expectRefused(() =>
      connection()
        .db.update(classes)
        .set({ etablissementId: other!.id })
        .where(eq(classes.id, enrolment!.classeId)),
    );
  });
});
