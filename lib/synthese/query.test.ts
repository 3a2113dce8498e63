// The class synthesis on both drivers: HUBERT Angie's row is her latest bilan, MARTIN Zoé
// has no trend, N'GUESSAN Aïcha has no bilan, `au` goes back in time, the distribution adds
// up, another establishment's class is not found — and the whole table is ONE query.
import { describe, expect, it } from 'vitest';
import type { Logger } from 'drizzle-orm/logger';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { testDrivers } from '@/lib/db/testing';
import { getBilanPage } from '@/lib/bilans/bilan-page-query';
import { buildSyntheseView, getSynthese, parseTri, type RawSynthese } from './query';
import { syntheseCsv } from './csv-rows';

class CountingLogger implements Logger {
  count = 0;
  logQuery() {
    this.count++;
  }
}

const demo = DEMO_IDS.etablissement;
const classe = DEMO_IDS.classe;

describe.each(testDrivers())('class synthesis ($name)', (driver) => {
  const logger = new CountingLogger();
  const connection = useDemoDatabase(driver, { logger });
  const synthese = (au: string | null = null, tri: 'nom' | 'acquis' = 'nom') =>
    getSynthese(connection().db, demo, classe, { au, tri });

  it('reads the whole class in one query', async () => {
    logger.count = 0;
    const view = await synthese();
    expect(logger.count).toBe(1);
    expect(view?.competences).toHaveLength(21);
    expect(view?.lignes.length).toBe(18);
  });

  it("gives each pupil their latest bilan's levels, with the trend since the one before", async () => {
    const view = (await synthese())!;
    const angie = view.lignes.find((l) => l.apprenant.id === DEMO_IDS.angie)!;
    const page = (await getBilanPage(connection().db, demo, DEMO_IDS.angie))!;
    expect(angie.bilan?.date).toBe('2016-06-16');
    expect(angie.niveaux).toEqual(page.competences.map((k) => k.niveaux.at(-1)));
    expect(angie.evolutions).toEqual(page.competences.map((k) => k.evolution));
    const zoe = view.lignes.find((l) => l.apprenant.id === DEMO_IDS.zoe)!;
    expect(zoe.bilan?.date).toBe('2016-03-25');
    expect(zoe.evolutions.every((e) => e === 'aucune')).toBe(true);
    const aicha = view.lignes.find((l) => l.apprenant.id === DEMO_IDS.aicha)!;
    expect(aicha.bilan).toBeNull();
  });

  it('goes back to a date: HUBERT Angie on 01/06/2016 is her bilan of 27/05/2016', async () => {
    const view = (await synthese('2016-06-01'))!;
    const angie = view.lignes.find((l) => l.apprenant.id === DEMO_IDS.angie)!;
    const first = (await getBilanPage(
      connection().db,
      demo,
      DEMO_IDS.angie,
      DEMO_IDS.angiePremierBilan,
    ))!;
    expect(angie.bilan?.date).toBe('2016-05-27');
    expect(angie.niveaux).toEqual(first.competences.map((k) => k.niveaux.at(-1)));
    expect(angie.evolutions.every((e) => e === 'aucune')).toBe(true);
  });

  it('sums the distribution of each competence to the pupils with a bilan', async () => {
    const view = (await synthese())!;
    const withBilan = view.lignes.filter((l) => l.bilan).length;
    expect(view.avecBilan).toBe(withBilan);
    for (const r of view.repartition) {
      const total = Object.values(r.effectifs).reduce((a, b) => a + b, 0) + r.nonRenseignes;
      expect(total).toBe(withBilan);
    }
    const lowest = Math.min(...view.repartition.map((r) => r.partAcquise ?? 1));
    expect(
      view.repartition.filter((r) => r.moinsAcquise).every((r) => r.partAcquise === lowest),
    ).toBe(true);
  });

  it('sorts by competences acquired, most first, then by name', async () => {
    const view = (await synthese(null, 'acquis'))!;
    const counts = view.lignes.map((l) => l.acquises);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("finds nothing for another establishment's class or a malformed id", async () => {
    const db = connection().db;
    const options = { au: null, tri: 'nom' as const };
    expect(await getSynthese(db, DEMO_IDS.etablissementVoisin, classe, options)).toBeNull();
    expect(await getSynthese(db, demo, 'pas-un-uuid', options)).toBeNull();
  });

  it('exports the same table as CSV, formula-safe', async () => {
    const view = (await synthese())!;
    const csv = syntheseCsv(view);
    expect(
      csv.startsWith(
        '\uFEFFÉlève;Dernier bilan;Validé;Compétences au moins partiellement acquises (+ ou ++);C1-1;C1-1 évolution;C2-1;',
      ),
    ).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.find((l) => l.startsWith("N'GUESSAN Aïcha;aucun bilan"))).toBeTruthy();
    // Level and trend in two cells; the level as typed, with the keyboard hyphen.
    const angie = lines.find((l) => l.startsWith('HUBERT Angie;'))!.split(';');
    const levels = angie.slice(4).filter((_, i) => i % 2 === 0);
    const trends = angie.slice(4).filter((_, i) => i % 2 === 1);
    expect(levels.every((c) => ['NE', '-', '-+', '+', '++'].includes(c))).toBe(true);
    expect(trends.every((c) => ['', 'en progrès', 'en recul', 'stable'].includes(c))).toBe(true);
    expect(csv).not.toContain('−');
    expect(lines.at(-2)).toMatch(/^"?Légende : NE = compétence non évaluée ; - = /);
    // Nothing a spreadsheet would run: outside the level columns (a closed set of five
    // symbols), no cell starts like a formula, and none needs the apostrophe.
    for (const line of lines) {
      line.split(';').forEach((cell, i) => {
        const isLevel = i >= 4 && i % 2 === 0 && ['NE', '-', '-+', '+', '++'].includes(cell);
        if (!isLevel) expect(cell.replace(/^"/, ''), line).not.toMatch(/^[=+\-@']/);
      });
    }
  });
});

describe('a bilan of last year', () => {
  const raw = (date: string): RawSynthese => ({
    id: 'c',
    nom: 'Tle CIEL',
    annee_scolaire: '2026-2027',
    etablissement_nom: 'Lycée',
    periodes: [{ libelle: 'Trimestre 1', debut: '2026-09-01', fin: '2026-11-30' }],
    referentiel: { code: 'BAC-PRO-CIEL', sigle: 'CIEL', libelle: 'CIEL', version: '2023' },
    competences: [{ id: 'k1', code: 'C01', libelle: 'Un' }],
    apprenants: [
      {
        id: 'a',
        nom: 'A',
        prenom: 'a',
        bilans: [{ id: 'b', date, valide: true, niveaux: { k1: '++' } }],
      },
      {
        id: 'b',
        nom: 'B',
        prenom: 'b',
        bilans: [{ id: 'c', date: '2026-11-20', valide: true, niveaux: { k1: '-' } }],
      },
    ],
  });

  it('is flagged « année précédente » and left out of this year’s counts', () => {
    const view = buildSyntheseView(raw('2026-06-15'), null, 'acquis');
    const june = view.lignes.find((l) => l.apprenant.id === 'a')!;
    expect(june.bilan).toMatchObject({ date: '2026-06-15', anneePrecedente: true });
    expect(june.acquises).toBe(0);
    expect(view.avecBilan).toBe(1);
    expect(view.repartition[0]!.effectifs).toMatchObject({ '++': 0, '-': 1 });
    expect(syntheseCsv(view)).toContain('15/06/2026 (année précédente)');
    // This year's, counted.
    const november = buildSyntheseView(raw('2026-10-15'), null, 'acquis');
    expect(november.lignes.find((l) => l.apprenant.id === 'a')!.bilan?.anneePrecedente).toBe(false);
    expect(november.repartition[0]!.effectifs).toMatchObject({ '++': 1, '-': 1 });
  });
});

describe('synthesis parameters', () => {
  it('takes two sorts', () => {
    expect(parseTri('acquis')).toBe('acquis');
    expect(parseTri('autre')).toBe('nom');
    expect(parseTri(undefined)).toBe('nom');
  });
});
