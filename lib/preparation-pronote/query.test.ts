// « Préparation PRONOTE » on both drivers, on the archived 1re SN as if today were in its
// third term (20/06/2016): each pupil's bilan of the period, PRONOTE's last read, a draft
// listed as awaiting validation; a term that has ended shown until its closing day; no period
// open → nothing to prepare, another establishment → null.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseRows } from '@/lib/db/rows';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { testDrivers } from '@/lib/db/testing';
import { getPreparationPronote } from './query';

const demo = DEMO_IDS.etablissement;
const T3_2016 = '2016-06-20';

describe.each(testDrivers())('Préparation PRONOTE ($name)', (driver) => {
  const connection = useDemoDatabase(driver);

  it("lists every pupil with their bilan of the current period and PRONOTE's last read", async () => {
    const { db } = connection();
    const read = new Date('2016-06-18T08:30:00Z');
    await db.execute(sql`
      insert into pronote_bilans_lus (bilan_id, derniere_lecture)
      values (${DEMO_IDS.angieDernierBilan}, ${read.toISOString()})
      on conflict (bilan_id) do update set derniere_lecture = excluded.derniere_lecture`);
    const all = (await getPreparationPronote(db, demo, DEMO_IDS.classe, T3_2016))!;
    expect(all.periodes).toHaveLength(1);
    const view = all.periodes[0]!;
    expect(view.periode).toEqual({
      libelle: 'Trimestre 3',
      debut: '2016-03-01',
      fin: '2016-07-05',
      cloture: '2016-07-26',
      anneeScolaire: '2015-2016',
      terminee: false,
    });
    expect(view.lignes).toHaveLength(18);
    const line = (id: string) => view.lignes.find((l) => l.apprenant.id === id)!;
    const angie = line(DEMO_IDS.angie);
    expect(angie.bilan?.id).toBe(DEMO_IDS.angieDernierBilan);
    expect(angie.etat).toBe('valide');
    expect(new Date(angie.bilan!.luLe!).getTime()).toBe(read.getTime());
    const [marks] = parseRows(
      await db.execute(
        sql`select count(*)::int as n from notes where bilan_id = ${DEMO_IDS.angieDernierBilan}`,
      ),
      z.object({ n: z.number() }),
    );
    expect(angie.bilan!.notes).toBe(marks!.n);
    expect(line(DEMO_IDS.zoe).bilan?.date).toBe('2016-03-25');
    expect(line(DEMO_IDS.aicha)).toMatchObject({ etat: 'aucun', bilan: null });
    const { compte } = view;
    expect(compte.valide + compte.en_cours + compte.aucun).toBe(18);
    expect(view.lignes.map((l) => `${l.apprenant.nom} ${l.apprenant.prenom}`)).toEqual(
      [...view.lignes.map((l) => `${l.apprenant.nom} ${l.apprenant.prenom}`)].sort((a, b) =>
        a.localeCompare(b, 'fr'),
      ),
    );
  });

  it('says of each bilan of the period whether it is validated or awaiting validation', async () => {
    const { db } = connection();
    // A pupil's bilans of the first term of 2015-2016 (16/10/2015): what each one shows.
    const view = (await getPreparationPronote(db, demo, DEMO_IDS.classe, '2015-10-20'))!
      .periodes[0]!;
    expect(view.periode.libelle).toBe('Trimestre 1');
    expect(view.lignes.some((l) => l.bilan)).toBe(true);
    for (const l of view.lignes) {
      if (l.bilan) {
        expect(l.bilan.date >= '2015-09-01' && l.bilan.date <= '2015-11-30').toBe(true);
        expect(l.etat).toBe(l.bilan.valideLe ? 'valide' : 'en_cours');
      } else expect(l.etat).toBe('aucun');
    }
  });

  it('after a term’s last day, shows it first until its closing day, beside the current one', async () => {
    const { db } = connection();
    const december = (await getPreparationPronote(db, demo, DEMO_IDS.classe, '2015-12-10'))!;
    expect(december.periodes.map((p) => [p.periode.libelle, p.periode.terminee])).toEqual([
      ['Trimestre 1', true],
      ['Trimestre 2', false],
    ]);
    expect(december.periodes[0]!.periode.cloture).toBe('2015-12-21');
    expect(december.periodes[0]!.lignes.some((l) => l.bilan)).toBe(true);
    const closed = (await getPreparationPronote(db, demo, DEMO_IDS.classe, '2015-12-22'))!;
    expect(closed.periodes.map((p) => p.periode.libelle)).toEqual(['Trimestre 2']);
  });

  it('has nothing to prepare outside any period, and another establishment gets nothing', async () => {
    const { db } = connection();
    const summer = (await getPreparationPronote(db, demo, DEMO_IDS.classe, '2016-08-01'))!;
    expect(summer.periodes).toEqual([]);
    expect(
      await getPreparationPronote(db, DEMO_IDS.etablissementVoisin, DEMO_IDS.classe, T3_2016),
    ).toBeNull();
    expect(await getPreparationPronote(db, demo, 'pas-un-id', T3_2016)).toBeNull();
  });
});
