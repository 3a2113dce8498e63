// insertRows writes what drizzle's own insert would (text of any shape, nulls, numerics,
// enums), on both drivers, and the database's checks still apply to its rows.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { insertRows } from './insert-rows';
import { bilans, competences, notes, positionnements } from './schema';
import { pgErrorCode, testDrivers } from './testing';

// What a hand-built array literal would get wrong (arrayLiteral, under insertRows): quotes,
// commas, braces, backslashes, the word NULL, empty text, blanks, accents and emoji.
const TRICKY = [
  'a"b',
  'c,d',
  '{e}',
  'f\\g',
  "h'i",
  'NULL',
  'null',
  '',
  ' bords ',
  'tab\tligne\nsuite',
  'Évaluation « orale » 🙂',
];

describe.each(testDrivers())('insertRows ($name)', (driver) => {
  // The statements sent, to see that no rows send none.
  const statements: string[] = [];
  const connection = useDemoDatabase(driver, {
    logger: {
      logQuery(query) {
        statements.push(query);
      },
    },
  });

  async function draftBilan(): Promise<{ id: string; referentielId: string }> {
    const [model] = await connection()
      .db.select({ referentielId: bilans.referentielId })
      .from(bilans)
      .where(eq(bilans.apprenantId, DEMO_IDS.angie))
      .limit(1);
    const id = crypto.randomUUID();
    await insertRows(
      connection().db,
      bilans,
      ['id', 'apprenantId', 'referentielId', 'auteurId', 'date', 'constats', 'conseils'],
      [
        {
          id,
          apprenantId: DEMO_IDS.angie,
          referentielId: model!.referentielId,
          auteurId: null,
          date: '2026-11-30',
          constats: TRICKY.join('\n'),
          conseils: '',
        },
      ],
    );
    return { id, referentielId: model!.referentielId };
  }

  it('writes every row and every value as sent', async () => {
    const { id } = await draftBilan();
    const [bilan] = await connection().db.select().from(bilans).where(eq(bilans.id, id));
    expect(bilan).toMatchObject({ auteurId: null, constats: TRICKY.join('\n'), conseils: '' });
    await insertRows(
      connection().db,
      notes,
      ['bilanId', 'libelle', 'valeur', 'coefficient'],
      TRICKY.map((libelle, i) => ({
        bilanId: id,
        libelle,
        valeur: (i * 1.5).toFixed(2),
        coefficient: '1.50',
      })),
    );
    const rows = await connection()
      .db.select({ libelle: notes.libelle, valeur: notes.valeur, coefficient: notes.coefficient })
      .from(notes)
      .where(eq(notes.bilanId, id))
      .orderBy(asc(notes.valeur));
    expect(rows).toEqual(
      TRICKY.map((libelle, i) => ({ libelle, valeur: (i * 1.5).toFixed(2), coefficient: '1.50' })),
    );
  });

  it('sends no statement for no rows', async () => {
    statements.length = 0;
    await insertRows(connection().db, notes, ['bilanId', 'libelle', 'valeur', 'coefficient'], []);
    expect(statements).toEqual([]);
  });

  it('leaves the database’s checks on: nothing added to a validated bilan', async () => {
    const [validated] = await connection()
      .db.select({ id: bilans.id })
      .from(bilans)
      .where(isNotNull(bilans.valideLe))
      .limit(1);
    const error = await insertRows(
      connection().db,
      notes,
      ['bilanId', 'libelle', 'valeur', 'coefficient'],
      [{ bilanId: validated!.id, libelle: 'Ajout', valeur: '10.00', coefficient: '1.00' }],
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgErrorCode(error)).toBe('42501');
  });

  it('writes enum values, and refuses a competence of another referential', async () => {
    const { id, referentielId } = await draftBilan();
    const own = await connection()
      .db.select({ id: competences.id })
      .from(competences)
      .where(eq(competences.referentielId, referentielId))
      .orderBy(asc(competences.rang));
    await insertRows(
      connection().db,
      positionnements,
      ['bilanId', 'competenceId', 'niveau'],
      own.map((k, i) => ({ bilanId: id, competenceId: k.id, niveau: i % 2 ? '-+' : 'NE' })),
    );
    const written = await connection()
      .db.select({ niveau: positionnements.niveau })
      .from(positionnements)
      .where(eq(positionnements.bilanId, id));
    expect(written).toHaveLength(own.length);
    expect(new Set(written.map((w) => w.niveau))).toEqual(new Set(['NE', '-+']));

    const foreign = (
      await connection()
        .db.select({ id: competences.id, referentielId: competences.referentielId })
        .from(competences)
    ).find((k) => k.referentielId !== referentielId);
    expect(foreign, 'the demo data has two referentials').toBeDefined();
    const second = await draftBilan();
    const error = await insertRows(
      connection().db,
      positionnements,
      ['bilanId', 'competenceId', 'niveau'],
      [{ bilanId: second.id, competenceId: foreign!.id, niveau: '+' }],
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgErrorCode(error)).toBe('23514');
  });
});
