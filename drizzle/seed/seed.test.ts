// The demo data: what the issue promises, and idempotent on both drivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import * as schema from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import type { Connection } from '@/lib/db/connect';
import { buildDemoData, DEMO_UAI, VOISIN_UAI } from './demo-data';
import { COMPETENCES_SN } from './referentiel-sn';
import { schoolYearOf } from '@/lib/common/dates';
import { seedDemo } from './seed';

const TODAY = '2026-11-28';

describe('buildDemoData', () => {
  const data = buildDemoData(TODAY);
  const bilansPerPupil = new Map(data.apprenants.map((a) => [a.id, 0]));
  for (const b of data.bilans)
    bilansPerPupil.set(b.apprenantId, (bilansPerPupil.get(b.apprenantId) ?? 0) + 1);

  it('is deterministic', () => {
    expect(buildDemoData(TODAY)).toEqual(data);
  });

  it('has the 21 competences of the referential, in order, with their equivalences', () => {
    const sn = data.referentiels.find((r) => r.sigle === 'SN')!.id!;
    const ciel = data.referentiels.find((r) => r.sigle === 'CIEL')!.id!;
    const codes = (id: string) =>
      data.competences.filter((c) => c.referentielId === id).map((c) => c.code);
    expect(codes(sn)).toEqual(COMPETENCES_SN.map((c) => c.code));
    expect(codes(sn)).toHaveLength(21);
    // bac pro CIEL: C02 and C05 are not assessed at this level.
    expect(codes(ciel)).toEqual(['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11']);
    expect(data.competences.find((c) => c.code === 'C4-2')?.equivalence).toBe('C2-1');
    expect(data.competences.find((c) => c.code === 'C8-1')?.equivalence).toBe('C4-1');
    expect(data.competences.find((c) => c.code === 'C3-1')?.equivalence).toBeNull();
  });

  it('has HUBERT Angie with her two bilans of 2016', () => {
    const angie = data.apprenants.find((a) => a.nom === 'HUBERT' && a.prenom === 'Angie');
    const hers = data.bilans
      .filter((b) => b.apprenantId === angie?.id)
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(hers.map((b) => b.date)).toEqual(['2016-05-27', '2016-06-16']);
    expect(hers[1]?.constats).toBe("Constats sur le niveau de l'élève.");
    expect(hers[1]?.conseils).toBe("Conseils pour aider l'élève à progresser.");
  });

  it('covers the cases a teacher meets', () => {
    const counts = [...bilansPerPupil.values()];
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(0);
    expect(counts.filter((n) => n >= 3 && n <= 6).length).toBeGreaterThan(5);
    expect(data.bilans.some((b) => b.valideLe === null)).toBe(true);
    expect(data.bilans.some((b) => b.valideLe !== null)).toBe(true);
    expect(data.bilans.some((b) => b.date >= '2026-09-01')).toBe(true);
    expect(data.bilans.every((b) => b.date <= TODAY)).toBe(true);
    expect(data.apprenants.some((a) => /[’']/.test(a.nom))).toBe(true);
    expect(data.apprenants.some((a) => a.prenom.includes('-') || a.nom.includes('-'))).toBe(true);
  });

  it('has two establishments: SN archives of 2015-2016, CIEL classes of this year and last', () => {
    expect(data.etablissements.map((e) => e.uai)).toEqual([DEMO_UAI, VOISIN_UAI]);
    const demo = data.etablissements[0]!.id!;
    const sigle = (referentielId: string) =>
      data.referentiels.find((r) => r.id === referentielId)?.sigle;
    const names = (etablissementId: string) =>
      data.classes
        .filter((c) => c.etablissementId === etablissementId)
        .map((c) => `${c.nom} ${c.anneeScolaire} ${sigle(c.referentielId)}`)
        .sort();
    expect(names(demo)).toEqual([
      '1re CIEL 2025-2026 CIEL',
      '1re CIEL 2026-2027 CIEL',
      '1re SN 2015-2016 SN',
      '2de CIEL 2025-2026 CIEL',
      '2de CIEL 2026-2027 CIEL',
      'Tle CIEL 2026-2027 CIEL',
      'Tle SN 2015-2016 SN',
    ]);
    expect(names(data.etablissements[1]!.id!)).toEqual([
      '1re CIEL 2026-2027 CIEL',
      'Tle CIEL 2026-2027 CIEL',
    ]);
    for (const classe of data.classes) {
      const size = data.inscriptions.filter((i) => i.classeId === classe.id).length;
      expect(size).toBeGreaterThanOrEqual(12);
      expect(size).toBeLessThanOrEqual(30);
      // Enrolments are for the class's own school year.
      expect(
        data.inscriptions
          .filter((i) => i.classeId === classe.id)
          .every((i) => i.anneeScolaire === classe.anneeScolaire),
      ).toBe(true);
    }
    // Every bilan is in the referential of the class the pupil was in that year.
    for (const bilan of data.bilans) {
      const year = schoolYearOf(bilan.date as string);
      const enrolment = data.inscriptions.find(
        (i) => i.apprenantId === bilan.apprenantId && i.anneeScolaire === year,
      );
      const classe = data.classes.find((c) => c.id === enrolment?.classeId);
      expect(classe?.referentielId, `${bilan.apprenantId} ${bilan.date}`).toBe(bilan.referentielId);
    }
    expect(data.utilisateurs.map((u) => [u.email, u.role, u.actif ?? true])).toEqual([
      ['enseignant@lycee-demo.test', 'enseignant', true],
      ['vie-scolaire@lycee-demo.test', 'vie_scolaire', true],
      ['ancien-enseignant@lycee-demo.test', 'enseignant', false],
      ['administration@lycee-demo.test', 'administrateur', true],
      ['enseignant2@lycee-demo.test', 'enseignant', true],
      ['remplacant@lycee-demo.test', 'enseignant', true],
      ['enseignant@lycee-voisin.test', 'enseignant', true],
    ]);
    // This year's teams: LEFÈVRE Sophie in the three CIEL classes, LAMBERT Julien in 1re and
    // Tle CIEL, ROUX Camille in none; the neighbour's teacher in his two classes.
    const email = new Map(data.utilisateurs.map((u) => [u.id, u.email]));
    const classe = new Map(data.classes.map((c) => [c.id, `${c.nom} ${c.anneeScolaire}`]));
    expect(
      data.equipes
        .filter((m) => email.get(m.utilisateurId)?.endsWith('lycee-demo.test'))
        .map((m) => `${classe.get(m.classeId)} ${email.get(m.utilisateurId)}`)
        .sort(),
    ).toEqual([
      '1re CIEL 2026-2027 enseignant2@lycee-demo.test',
      '1re CIEL 2026-2027 enseignant@lycee-demo.test',
      '2de CIEL 2026-2027 enseignant@lycee-demo.test',
      'Tle CIEL 2026-2027 enseignant2@lycee-demo.test',
      'Tle CIEL 2026-2027 enseignant@lycee-demo.test',
    ]);
  });

  it('gives every bilan one positionnement per competence of its referential', () => {
    const size = (referentielId: string) =>
      data.competences.filter((k) => k.referentielId === referentielId).length;
    const expected = data.bilans.reduce((sum, b) => sum + size(b.referentielId), 0);
    expect(data.positionnements).toHaveLength(expected);
  });

  it('follows pupils of this year’s 1re CIEL back to last year’s 2de CIEL, with bilans of both years', () => {
    const classeId = (nom: string, annee: string) =>
      data.classes.find(
        (c) =>
          c.nom === nom &&
          c.anneeScolaire === annee &&
          c.etablissementId === data.etablissements[0]!.id,
      )!.id;
    const premiere = classeId('1re CIEL', '2026-2027');
    const seconde = classeId('2de CIEL', '2025-2026');
    const pupils = data.inscriptions
      .filter((i) => i.classeId === premiere)
      .map((i) => i.apprenantId);
    const followed = pupils.filter((id) =>
      data.inscriptions.some((i) => i.apprenantId === id && i.classeId === seconde),
    );
    expect(followed.length).toBeGreaterThan(pupils.length / 2);
    const years = (id: string) =>
      new Set(
        data.bilans.filter((b) => b.apprenantId === id).map((b) => schoolYearOf(b.date as string)),
      );
    expect(followed.some((id) => years(id).size === 2)).toBe(true);
  });
});

describe.each(testDrivers())('seedDemo ($name)', (driver) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await driver.open();
  });
  afterAll(() => connection?.close());

  async function snapshot() {
    const db = connection.db;
    const tables = [
      schema.etablissements,
      schema.utilisateurs,
      schema.competences,
      schema.classes,
      schema.apprenants,
      schema.periodes,
      schema.bilans,
      schema.positionnements,
      schema.notes,
    ];
    const counts = [];
    for (const table of tables) counts.push((await db.select({ n: count() }).from(table))[0]?.n);
    const users = await db
      .select()
      .from(schema.utilisateurs)
      .orderBy(asc(schema.utilisateurs.email));
    return { counts, users };
  }

  it('inserts the data once; a second run changes nothing', async () => {
    await seedDemo(connection.db, TODAY);
    const first = await snapshot();
    expect(first.counts[0]).toBe(2);
    await seedDemo(connection.db, TODAY);
    expect(await snapshot()).toEqual(first);
  });

  it('stores the competences in referential order', async () => {
    const rows = await connection.db
      .select({ code: schema.competences.code })
      .from(schema.competences)
      .innerJoin(schema.referentiels, eq(schema.referentiels.id, schema.competences.referentielId))
      .where(eq(schema.referentiels.sigle, 'SN'))
      .orderBy(asc(schema.competences.rang));
    expect(rows.map((r) => r.code)).toEqual(COMPETENCES_SN.map((c) => c.code));
    const [etab] = await connection.db
      .select()
      .from(schema.etablissements)
      .where(eq(schema.etablissements.uai, DEMO_UAI));
    expect(etab?.nom).toBe('Lycée professionnel de démonstration');
  });
});
