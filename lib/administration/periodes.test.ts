// Periods on both drivers: inside their school year, never overlapping, said in French by the
// module and refused by the database for any other writer; a period PRONOTE read is kept.
// The journal is append-only; pending imports belong to their establishment and expire.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { pgErrorCode, testDrivers } from '@/lib/db/testing';
import { periodes, pronoteJetons, pronoteLectures } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { isRefus } from '@/lib/common/refus';
import { journalise, listJournal, type Acteur } from './journal';
import type { UseCaseContext } from '@/lib/use-cases/context';
import type { Refus } from '@/lib/common/refus';
import {
  checkSaisie,
  createPeriode,
  deletePeriode,
  listPeriodes,
  periodeCourante,
  updatePeriode,
} from './periodes';
import { dropPending, loadPending, storePending } from './en-attente';

const ACTEUR: Acteur = { kind: 'script', libelle: 'test' };

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (isRefus(error)) return error.message;
  throw new Error(`aucun refus : ${String(error)}`);
}

describe('checkSaisie', () => {
  it('says what is wrong with a period, in French', () => {
    const wrong = (libelle: string | null, debut: string | null, fin: string | null) => {
      try {
        checkSaisie({ libelle, debut, fin });
      } catch (error) {
        return (error as Error).message;
      }
      return null;
    };
    expect(wrong('', '2027-09-01', '2027-11-30')).toMatch(/libellé de la période est obligatoire/);
    expect(wrong('T1', '2027-02-30', '2027-11-30')).toBe(
      'Le premier jour doit être une date valide.',
    );
    expect(wrong('T1', '2027-09-01', 'x')).toBe('Le dernier jour doit être une date valide.');
    // Each refusal names the field it is about: the form shows it beside that field.
    const champ = (libelle: string, debut: string, fin: string) => {
      try {
        checkSaisie({ libelle, debut, fin });
      } catch (error) {
        return (error as Refus).champ;
      }
      return null;
    };
    const wrongCloture = (cloture: string) => {
      try {
        checkSaisie({ libelle: 'S1', debut: '2027-09-01', fin: '2028-01-31', cloture });
      } catch (error) {
        return (error as Refus).champ === 'cloture' ? (error as Error).message : 'autre champ';
      }
      return null;
    };
    expect(champ('', '2027-09-01', '2027-11-30')).toBe('libelle');
    expect(champ('T1', '2027-02-30', '2027-11-30')).toBe('debut');
    expect(champ('T1', '2027-11-30', '2027-09-01')).toBe('fin');
    expect(wrong('T1', '2027-11-30', '2027-09-01')).toBe(
      'La période commence le 30/11/2027, après sa fin le 01/09/2027.',
    );
    expect(wrong('T3', '2027-06-01', '2027-09-15')).toMatch(
      /déborde de 2026-2027 \(1er septembre – 31 août\)/,
    );
    expect(
      checkSaisie({ libelle: '  Semestre   1 ', debut: '2027-09-01', fin: '2028-01-31' }),
    ).toEqual({
      libelle: 'Semestre 1',
      debut: '2027-09-01',
      fin: '2028-01-31',
      // Empty: three weeks after the last day.
      cloture: '2028-02-21',
      anneeScolaire: '2027-2028',
    });
    expect(
      checkSaisie({ libelle: 'S1', debut: '2027-09-01', fin: '2028-01-31', cloture: '2028-02-10' })
        .cloture,
    ).toBe('2028-02-10');
    expect(wrongCloture('2028-01-30')).toMatch(
      /^La clôture PRONOTE ne peut pas précéder le dernier jour de la période \(31\/01\/2028\)/,
    );
    expect(wrongCloture('2029-03-01')).toMatch(/dans l’année qui suit le dernier jour/);
    expect(wrongCloture('31/01/2028')).toMatch(/doit être une date valide/);
  });
});

describe.each(testDrivers())('administration data ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  let db: Database;
  const etab = DEMO_IDS.etablissement;
  /** The use cases' context: this establishment, a script acting. */
  const ctx = (etablissementId = etab): UseCaseContext => ({ db, etablissementId, acteur: ACTEUR });
  beforeAll(async () => {
    // As production runs it: on PostgreSQL, the least-privilege role of `npm run db:roles`.
    db = (await connection().asAppRole()).db;
  });

  it('adds, corrects and removes periods; refuses overlaps with the other period named', async () => {
    await createPeriode(ctx(), { libelle: 'T1', debut: '2027-09-01', fin: '2027-11-30' });
    expect(
      await refusal(createPeriode(ctx(), { libelle: 'X', debut: '2027-11-15', fin: '2027-12-15' })),
    ).toBe('Cette période chevauche « T1 » (du 01/09/2027 au 30/11/2027).');
    const t1 = (await listPeriodes(db, etab)).find(
      (p) => p.libelle === 'T1' && p.anneeScolaire === '2027-2028',
    )!;
    expect(
      await updatePeriode(ctx(), t1.id, {
        libelle: 'Trimestre 1',
        debut: '2027-09-02',
        fin: '2027-11-29',
      }),
    ).toBe(true);
    expect(
      await refusal(
        updatePeriode(ctx(), t1.id, { libelle: 'T', debut: '2028-09-02', fin: '2028-11-29' }),
      ),
    ).toMatch(/de l’année 2027-2028/);
    // Another establishment's period, a malformed id: nothing.
    expect(
      await updatePeriode(ctx(DEMO_IDS.etablissementVoisin), t1.id, {
        libelle: 'X',
        debut: '2027-09-02',
        fin: '2027-11-29',
      }),
    ).toBe(false);
    expect(await deletePeriode(ctx(), 'x')).toBe(false);
    expect(await deletePeriode(ctx(), t1.id)).toBe(true);
    expect((await listPeriodes(db, etab)).some((p) => p.id === t1.id)).toBe(false);
  });

  it('the database itself refuses an overlap or a period outside its year, whoever writes', async () => {
    const insert = (debut: string, fin: string, annee = '2026-2027') =>
      db
        .insert(periodes)
        .values({
          etablissementId: etab,
          anneeScolaire: annee,
          libelle: 'SQL',
          debut,
          fin,
          cloture: fin,
        })
        .then(
          () => null,
          (e: unknown) => pgErrorCode(e),
        );
    expect(await insert('2026-10-01', '2026-10-15')).toBe('23P01');
    expect(await insert('2027-08-01', '2027-09-15')).toBe('23514');
    expect(await insert('2026-09-10', '2026-09-01', '2030-2031')).toBe('23514');
  });

  it('keeps a period PRONOTE read', async () => {
    const current = periodeCourante(await listPeriodes(db, etab), '2026-11-28')!;
    const [jeton] = await db
      .insert(pronoteJetons)
      .values({ etablissementId: etab, libelle: 't', hash: 'h-periode', prefixe: 'p' })
      .returning();
    await db.insert(pronoteLectures).values({
      jetonId: jeton!.id,
      etablissementId: etab,
      periodeId: current.id,
      nombreBilans: 1,
    });
    expect(await refusal(deletePeriode(ctx(), current.id))).toMatch(
      /PRONOTE a déjà lu les bilans de « Trimestre 1 »/,
    );
  });

  it('keeps the journal append-only, newest first', async () => {
    await journalise(ctx(), 'compte_cree', { compte: 'a@b.fr' });
    const [latest] = await listJournal(db, etab, 1);
    expect(latest).toMatchObject({ action: 'compte_cree', auteur: 'test' });
    for (const statement of [
      sql`update journal_administration set action = 'x'`,
      sql`delete from journal_administration`,
    ]) {
      const code = await db.execute(statement).then(
        () => null,
        (e: unknown) => pgErrorCode(e),
      );
      expect(code).toBe('42501');
    }
  });

  it('keeps a pending import for its establishment only, an hour at most', async () => {
    const schema = z.object({ n: z.number() });
    const now = new Date('2026-12-01T10:00:00Z');
    const id = await storePending(db, etab, DEMO_IDS.enseignant, 'siecle', { n: 1 }, now);
    expect(await loadPending(db, etab, 'siecle', id, schema, now)).toMatchObject({
      contenu: { n: 1 },
    });
    expect(
      await loadPending(db, DEMO_IDS.etablissementVoisin, 'siecle', id, schema, now),
    ).toBeNull();
    expect(await loadPending(db, etab, 'enseignants', id, schema, now)).toBeNull();
    expect(await loadPending(db, etab, 'siecle', id, z.object({ m: z.string() }), now)).toBeNull();
    expect(
      await loadPending(db, etab, 'siecle', id, schema, new Date(now.getTime() + 61 * 60_000)),
    ).toBeNull();
    // A new upload replaces the previous one; applying removes it.
    const second = await storePending(db, etab, DEMO_IDS.enseignant, 'siecle', { n: 2 }, now);
    expect(await loadPending(db, etab, 'siecle', id, schema, now)).toBeNull();
    await dropPending(db, etab, second);
    expect(await loadPending(db, etab, 'siecle', second, schema, now)).toBeNull();
  });
});
