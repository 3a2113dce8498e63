// The RGPD access trace: ids only, scoped to the reader's establishment, purged by age.
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { clearTracesForTests, pgErrorCode, testDrivers } from '@/lib/db/testing';
import { tracesAcces } from '@/lib/db/schema';
import { purgeTraces, retentionLimit, traceBilan, traceShown } from './acces';
import { getClassePdfSujet } from '@/lib/impression/sujets';
import {
  bilansOfDerniersBilans,
  getDerniersBilans,
  listApprenantsAvecBilan,
} from '@/lib/bilans/derniers-bilans';
import { bilansOfSynthese, getSynthese } from '@/lib/synthese/query';
import { classPartCount, pupilsOfPart } from '@/lib/impression/classe/class-parts';
import { parseConfig } from '@/lib/config/env';

const demo = DEMO_IDS.etablissement;
const voisin = DEMO_IDS.etablissementVoisin;
const teacher = {
  etablissementId: demo,
  utilisateurId: DEMO_IDS.enseignant,
};
const intruder = {
  etablissementId: voisin,
  utilisateurId: DEMO_IDS.enseignantVoisin,
};
const classe = DEMO_IDS.classe;
const angie = DEMO_IDS.angie;
const angieLatest = DEMO_IDS.angieDernierBilan;
const aicha = DEMO_IDS.aicha;

describe.each(testDrivers())('access trace ($name)', (driver) => {
  const connection = useDemoDatabase(driver);

  const all = () => connection().db.select().from(tracesAcces).orderBy(asc(tracesAcces.creeLe));

  it('records who displayed which bilan, from which route', async () => {
    await traceBilan(connection().db, teacher, {
      action: 'consultation',
      route: `/bilans/${angie}`,
      apprenantId: angie,
      bilanId: angieLatest,
    });
    const [row] = await all();
    expect(row).toMatchObject({
      etablissementId: demo,
      utilisateurId: teacher.utilisateurId,
      jetonId: null,
      action: 'consultation',
      route: `/bilans/${angie}`,
      apprenantId: angie,
      bilanId: angieLatest,
      classeId: classe,
    });
    // Ids and a route only: no column can hold a name, a constat or a level.
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'action',
        'apprenantId',
        'bilanId',
        'classeId',
        'creeLe',
        'etablissementId',
        'id',
        'jetonId',
        'moyenConnexion',
        'route',
        'utilisateurId',
      ].sort(),
    );
  });

  it('records the way the reader signed in, for a page and for a class PDF', async () => {
    const viaCas = { ...teacher, moyenConnexion: 'cas' as const };
    await traceBilan(connection().db, viaCas, {
      action: 'consultation',
      route: '/via-cas',
      apprenantId: angie,
      bilanId: angieLatest,
    });
    const sujet = await getClassePdfSujet(connection().db, demo, classe);
    const shown = sujet!.apprenants.map((e) => ({ apprenantId: e.id, bilanId: e.bilanId }));
    const viaEnt = { ...teacher, moyenConnexion: 'ent' as const };
    await traceShown(connection().db, viaEnt, { action: 'pdf_classe', route: '/via-ent' }, shown);
    await traceShown(
      connection().db,
      teacher,
      { action: 'impression', route: '/via-impression' },
      shown,
    );
    const rows = await all();
    const byRoute = (route: string) =>
      new Set(rows.filter((r) => r.route === route).map((r) => r.moyenConnexion));
    expect(byRoute('/via-cas')).toEqual(new Set(['cas']));
    expect(byRoute('/via-ent')).toEqual(new Set(['ent']));
    // Our own browser's print read: no way in of its own.
    expect(byRoute('/via-impression')).toEqual(new Set([null]));
  });

  it('records nothing for a bilan of another establishment', async () => {
    const before = (await all()).length;
    await traceBilan(connection().db, intruder, {
      action: 'pdf_bilan',
      route: 'x',
      apprenantId: angie,
      bilanId: angieLatest,
    });
    expect(await all()).toHaveLength(before);
  });

  it('a class document traces each pupil once: the bilan its print shows, part by part', async () => {
    await clearTracesForTests(connection().db);
    const db = connection().db;
    // What the PDF route records (from the sujet's query)...
    const sujet = await getClassePdfSujet(db, demo, classe);
    const recorded = sujet!.apprenants.map((e) => ({ apprenantId: e.id, bilanId: e.bilanId }));
    // ...is exactly what the print shows (the print page's own query, the whole class)...
    const printed = bilansOfDerniersBilans((await getDerniersBilans(db, demo, classe))!);
    const key = (s: { apprenantId: string; bilanId: string }) => `${s.apprenantId}/${s.bilanId}`;
    expect(recorded.map(key).sort()).toEqual(printed.map(key).sort());
    expect(recorded.length).toBeGreaterThan(10);
    expect(recorded.find((r) => r.apprenantId === angie)?.bilanId).toBe(angieLatest);
    expect(recorded.find((r) => r.apprenantId === aicha)).toBeUndefined();
    // ...and, printed in parts, each pupil is traced once, by the part that prints them.
    const pupils = await listApprenantsAvecBilan(db, demo, classe);
    const parts = classPartCount(pupils.length);
    const byParts = [];
    for (let part = 1; part < parts; part++) {
      const ids = pupilsOfPart(pupils, { part, parts }).map((p) => p.id);
      byParts.push(...bilansOfDerniersBilans((await getDerniersBilans(db, demo, classe, ids))!));
    }
    expect(byParts.map(key).sort()).toEqual(printed.map(key).sort());

    await traceShown(db, teacher, { action: 'pdf_classe', route: '/pdf' }, recorded);
    const rows = await all();
    expect(rows).toHaveLength(recorded.length);
    expect(rows.every((r) => r.action === 'pdf_classe' && r.classeId === classe)).toBe(true);
    // Nothing for a reader of another establishment.
    await traceShown(db, intruder, { action: 'pdf_classe', route: 'x' }, recorded);
    expect(await all()).toHaveLength(recorded.length);
  });

  it('a synthesis « au » a date traces the bilans of that date, not the latest ones', async () => {
    const db = connection().db;
    const au = '2016-01-15';
    const view = (await getSynthese(db, demo, classe, { au, tri: 'nom' }))!;
    const shown = bilansOfSynthese(view);
    expect(shown.length).toBeGreaterThan(0);
    const dates = new Map(
      view.lignes.flatMap((l) => (l.bilan ? [[l.bilan.id, l.bilan.date]] : [])),
    );
    expect(shown.every((s) => (dates.get(s.bilanId) ?? '9999') <= au)).toBe(true);
    const latest = bilansOfSynthese(
      (await getSynthese(db, demo, classe, { au: null, tri: 'nom' }))!,
    );
    expect(shown.map((s) => s.bilanId).sort()).not.toEqual(latest.map((s) => s.bilanId).sort());
    // Angie's bilans are of May and June 2016: nothing of hers is shown on 15/01/2016.
    expect(shown.some((s) => s.apprenantId === angie)).toBe(false);
  });

  it('records the print pages read by the PDF browser, for the teacher who asked', async () => {
    await clearTracesForTests(connection().db);
    await traceBilan(connection().db, teacher, {
      action: 'impression',
      route: `/impression/bilans/${angie}/${angieLatest}`,
      apprenantId: angie,
      bilanId: angieLatest,
    });
    const view = (await getSynthese(connection().db, demo, classe, { au: null, tri: 'nom' }))!;
    await traceShown(
      connection().db,
      teacher,
      { action: 'impression', route: '/impression/classes/x' },
      bilansOfSynthese(view),
    );
    const rows = await all();
    expect(rows.length).toBeGreaterThan(10);
    expect(
      rows.every((r) => r.action === 'impression' && r.utilisateurId === teacher.utilisateurId),
    ).toBe(true);
  });

  it('purges records older than the retention period, and only those', async () => {
    for (const creeLe of ['2025-01-10T10:00:00Z', '2025-11-27T10:00:00Z', '2026-11-01T10:00:00Z']) {
      await connection()
        .db.insert(tracesAcces)
        .values({
          etablissementId: demo,
          utilisateurId: teacher.utilisateurId,
          action: 'consultation',
          route: '/purge',
          apprenantId: angie,
          bilanId: angieLatest,
          creeLe: new Date(creeLe),
        });
    }
    const limit = retentionLimit(
      new Date('2026-11-28T12:00:00Z'),
      parseConfig({}).traceRetentionMonths,
    );
    expect(limit.toISOString()).toBe('2025-11-28T12:00:00.000Z');
    expect(await purgeTraces(connection().db, limit)).toBe(2);
    const left = await connection()
      .db.select()
      .from(tracesAcces)
      .where(and(eq(tracesAcces.etablissementId, demo), eq(tracesAcces.route, '/purge')));
    expect(left.map((r) => r.creeLe.toISOString())).toEqual(['2026-11-01T10:00:00.000Z']);
    expect(
      retentionLimit(
        new Date('2026-11-28T12:00:00Z'),
        parseConfig({ TRACE_RETENTION_MONTHS: '3' }).traceRetentionMonths,
      ).toISOString(),
    ).toBe('2026-08-28T12:00:00.000Z');
  });

  it('is append-only: no update, no delete, no truncate, and the purge spares the last month', async () => {
    const refused = async (work: () => Promise<unknown>) => {
      const error = await work().then(
        () => null,
        (e: unknown) => e,
      );
      expect(pgErrorCode(error)).toBe('42501');
    };
    await refused(() => connection().db.update(tracesAcces).set({ route: '/falsifiée' }));
    await refused(() => connection().db.delete(tracesAcces));
    await refused(() => connection().db.execute(sql`truncate traces_acces`));
    await refused(() => purgeTraces(connection().db, new Date()));
  });
});
