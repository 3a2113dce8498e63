// The RGPD access trace: ids only, scoped to the reader's establishment, purged by age.
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { clearTracesForTests, pgErrorCode, testDrivers } from '@/lib/db/testing';
import { tracesAcces } from '@/lib/db/schema';
import { purgeTraces, retentionLimit, traceBilan, traceClasse } from './acces';
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
    await traceClasse(connection().db, { ...teacher, moyenConnexion: 'ent' }, classe, '/via-ent');
    await traceClasse(connection().db, teacher, classe, '/via-impression', 'impression');
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

  it('records one line per pupil printed in a class PDF: their latest bilan', async () => {
    await clearTracesForTests(connection().db);
    await traceClasse(connection().db, teacher, classe, `/classes/${classe}/derniers-bilans/pdf`);
    const rows = await all();
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.apprenantId)).size).toBe(rows.length);
    expect(rows.find((r) => r.apprenantId === angie)?.bilanId).toBe(angieLatest);
    expect(rows.find((r) => r.apprenantId === aicha)).toBeUndefined();
    expect(rows.every((r) => r.action === 'pdf_classe' && r.classeId === classe)).toBe(true);
    await traceClasse(connection().db, intruder, classe, 'x');
    expect(await all()).toHaveLength(rows.length);
  });

  it('records the print pages read by the PDF browser, for the teacher who asked', async () => {
    await clearTracesForTests(connection().db);
    await traceBilan(connection().db, teacher, {
      action: 'impression',
      route: `/impression/bilans/${angie}/${angieLatest}`,
      apprenantId: angie,
      bilanId: angieLatest,
    });
    await traceClasse(connection().db, teacher, classe, '/impression/classes/x', 'impression');
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
