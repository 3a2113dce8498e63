// The demo data: what the issue promises, and idempotent on both drivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import * as schema from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import type { Connection } from '@/lib/db/connect';
import { buildDemoData, DEMO_UAI, VOISIN_UAI } from './demo-data';
import { COMPETENCES_SN } from './referentiel-sn';
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
    expect(data.competences.map((c) => c.code)).toEqual(COMPETENCES_SN.map((c) => c.code));
    expect(data.competences).toHaveLength(21);
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

  it('has two establishments, classes of 12 to 30 over two school years', () => {
    expect(data.etablissements.map((e) => e.uai)).toEqual([DEMO_UAI, VOISIN_UAI]);
    const demo = data.etablissements[0]!.id;
    const demoClasses = data.classes.filter((c) => c.etablissementId === demo);
    expect(demoClasses.length).toBeGreaterThanOrEqual(3);
    expect(new Set(demoClasses.map((c) => c.anneeScolaire)).size).toBe(2);
    for (const classe of data.classes) {
      const size = data.apprenants.filter((a) => a.classeId === classe.id).length;
      expect(size).toBeGreaterThanOrEqual(12);
      expect(size).toBeLessThanOrEqual(30);
    }
    expect(data.utilisateurs.map((u) => [u.email, u.role, u.actif ?? true])).toEqual([
      ['enseignant@lycee-demo.test', 'enseignant', true],
      ['vie-scolaire@lycee-demo.test', 'vie_scolaire', true],
      ['ancien-enseignant@lycee-demo.test', 'enseignant', false],
      ['enseignant@lycee-voisin.test', 'enseignant', true],
    ]);
  });

  it('gives every bilan one positionnement per competence', () => {
    expect(data.positionnements).toHaveLength(data.bilans.length * 21);
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
      .orderBy(asc(schema.competences.rang));
    expect(rows.map((r) => r.code)).toEqual(COMPETENCES_SN.map((c) => c.code));
    const [etab] = await connection.db
      .select()
      .from(schema.etablissements)
      .where(eq(schema.etablissements.uai, DEMO_UAI));
    expect(etab?.nom).toBe('Lycée professionnel de démonstration');
  });
});
