// The bilan page's data on both drivers: content, scoping to the establishment, round trips.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_UAI, VOISIN_UAI } from '@/drizzle/seed/demo-data';
import { apprenants, bilans, classes, etablissements, inscriptions } from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import { getBilanPage } from './bilan-page-query';

class CountingLogger implements Logger {
  count = 0;
  logQuery() {
    this.count++;
  }
}

describe.each(testDrivers())('getBilanPage ($name)', (driver) => {
  const logger = new CountingLogger();
  const connection = useDemoDatabase(driver, { logger });
  let demo: string;
  let voisin: string;
  let angie: string;

  beforeAll(async () => {
    const etabs = await connection().db.select().from(etablissements);
    demo = etabs.find((e) => e.uai === DEMO_UAI)!.id;
    voisin = etabs.find((e) => e.uai === VOISIN_UAI)!.id;
    const [row] = await connection()
      .db.select()
      .from(apprenants)
      .where(and(eq(apprenants.nom, 'HUBERT'), eq(apprenants.prenom, 'Angie')));
    angie = row!.id;
  });

  it("shows HUBERT Angie's latest bilan in one round trip", async () => {
    logger.count = 0;
    const view = await getBilanPage(connection().db, demo, angie);
    expect(logger.count).toBe(1);
    expect(view?.apprenant).toMatchObject({ nom: 'HUBERT', prenom: 'Angie' });
    expect(view?.bilans.map((b) => b.date)).toEqual(['2016-05-27', '2016-06-16']);
    expect(view?.affiche?.date).toBe('2016-06-16');
    expect(view?.affiche?.constats).toBe("Constats sur le niveau de l'élève.");
    expect(view?.affiche?.conseils).toBe("Conseils pour aider l'élève à progresser.");
    expect(view?.competences).toHaveLength(21);
    expect(view?.competences[0]?.code).toBe('C1-1');
    expect(
      view?.competences.every((c) => c.niveaux.length === 2 && c.niveaux.every((n) => n !== null)),
    ).toBe(true);
    expect(view?.colonnes).toHaveLength(2);
    expect(view?.radar?.map((s) => s.label)).toEqual(['2016-05-27', '2016-06-16']);
    expect(Object.keys(view?.radar?.[0]?.valeurs ?? {})).toHaveLength(21);
    expect(view?.classe).toMatchObject({ nom: '1re SN', anneeScolaire: '2015-2016' });
    expect(view?.apprenants.some((a) => a.id === angie)).toBe(true);
  });

  it('shows an older bilan with only the columns up to it, and the radar of it alone', async () => {
    const latest = await getBilanPage(connection().db, demo, angie);
    const first = latest!.bilans[0]!.id;
    const view = await getBilanPage(connection().db, demo, angie, first);
    expect(view?.affiche?.date).toBe('2016-05-27');
    expect(view?.colonnes).toHaveLength(1);
    expect(view?.radar).toHaveLength(1);
    expect(view?.competences.every((c) => c.evolution === 'aucune')).toBe(true);
  });

  it('finds nothing for another establishment, a malformed id or a bilan of another pupil', async () => {
    expect(await getBilanPage(connection().db, voisin, angie)).toBeNull();
    expect(await getBilanPage(connection().db, demo, 'pas-un-uuid')).toBeNull();
    expect(await getBilanPage(connection().db, demo, "' or 1=1 --")).toBeNull();
    expect(
      await getBilanPage(connection().db, demo, '00000000-0000-4000-8000-000000000000'),
    ).toBeNull();
    const [someoneElses] = await connection()
      .db.select()
      .from(bilans)
      .where(ne(bilans.apprenantId, angie))
      .limit(1);
    expect(await getBilanPage(connection().db, demo, angie, someoneElses!.id)).toBeNull();
    expect(await getBilanPage(connection().db, demo, angie, 'x')).toBeNull();
  });

  it('skips the selection lists for the print page, and shows the same bilan', async () => {
    const page = await getBilanPage(connection().db, demo, angie);
    const print = await getBilanPage(connection().db, demo, angie, null, { selection: false });
    expect(print?.classes).toEqual([]);
    expect(print?.apprenants).toEqual([]);
    expect(print?.competences).toEqual(page?.competences);
    expect(print?.affiche).toEqual(page?.affiche);
    expect(
      await getBilanPage(connection().db, voisin, angie, null, { selection: false }),
    ).toBeNull();
  });

  it('steps through the class in list order', async () => {
    const view = await getBilanPage(connection().db, demo, angie);
    const list = view!.apprenants;
    const at = list.findIndex((a) => a.id === angie);
    expect(view!.precedentId).toBe(at > 0 ? list[at - 1]!.id : null);
    expect(view!.suivantId).toBe(list[at + 1]?.id ?? null);
    const firstView = await getBilanPage(connection().db, demo, list[0]!.id);
    expect(firstView?.precedentId).toBeNull();
    const lastView = await getBilanPage(connection().db, demo, list[list.length - 1]!.id);
    expect(lastView?.suivantId).toBeNull();
  });

  it('shows the empty state for a pupil with no bilan', async () => {
    const [aicha] = await connection()
      .db.select()
      .from(apprenants)
      .where(eq(apprenants.prenom, 'Aïcha'));
    const view = await getBilanPage(connection().db, demo, aicha!.id);
    expect(view?.affiche).toBeNull();
    expect(view?.bilans).toEqual([]);
    expect(view?.radar).toBeNull();
  });

  it('keeps the class the teacher came from: its list, that year’s bilan, every date in the banner', async () => {
    const db = connection().db;
    // A pupil enrolled in two school years' classes, with bilans in both.
    const rows = await db
      .select({
        apprenantId: inscriptions.apprenantId,
        classeId: classes.id,
        annee: classes.anneeScolaire,
      })
      .from(inscriptions)
      .innerJoin(classes, eq(classes.id, inscriptions.classeId))
      .where(eq(classes.etablissementId, demo));
    const byPupil = new Map<string, { classeId: string; annee: string }[]>();
    for (const r of rows) byPupil.set(r.apprenantId, [...(byPupil.get(r.apprenantId) ?? []), r]);
    let checked = 0;
    for (const [apprenantId, enrolments] of byPupil) {
      if (enrolments.length < 2 || checked >= 3) continue;
      const latest = (await getBilanPage(db, demo, apprenantId))!;
      const years = new Set(latest.bilans.map((b) => b.anneeScolaire));
      if (years.size < 2) continue;
      const former = enrolments.sort((a, b) => a.annee.localeCompare(b.annee))[0]!;
      const view = (await getBilanPage(db, demo, apprenantId, null, {
        selection: true,
        classeId: former.classeId,
      }))!;
      expect(view.classe.id).toBe(former.classeId);
      expect(view.apprenants.some((a) => a.id === apprenantId)).toBe(true);
      expect(view.affiche?.anneeScolaire).toBe(former.annee);
      expect(view.colonnes.every((c) => c.anneeScolaire === former.annee)).toBe(true);
      expect(view.bilans.map((b) => b.id)).toEqual(latest.bilans.map((b) => b.id));
      // A class the pupil was never in changes nothing.
      const other = rows.find((r) => !enrolments.some((e) => e.classeId === r.classeId))!;
      const ignored = (await getBilanPage(db, demo, apprenantId, null, {
        selection: true,
        classeId: other.classeId,
      }))!;
      expect(ignored.classe.id).toBe(latest.classe.id);
      expect(ignored.affiche?.id).toBe(latest.affiche?.id);
      checked++;
    }
    expect(checked).toBe(3);
  });
});
