// The page-view trace queue: batches are written after the delay or when full, in order,
// with each view's own time, never across establishments, and a failed batch is reported
// without blocking the next ones.
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asc } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { clearTracesForTests, testDrivers } from '@/lib/db/testing';
import { tracesAcces } from '@/lib/db/schema';
import type { BilanTrace } from './acces';
import { TraceQueue } from './trace-queue';

const demo = DEMO_IDS.etablissement;
const teacher = {
  etablissementId: demo,
  utilisateurId: DEMO_IDS.enseignant,
};
const intruder = {
  etablissementId: DEMO_IDS.etablissementVoisin,
  utilisateurId: DEMO_IDS.enseignantVoisin,
};
const angie = DEMO_IDS.angie;
const angieFirst = DEMO_IDS.angiePremierBilan;
const angieLatest = DEMO_IDS.angieDernierBilan;

function view(bilanId: string, at: string, lecteur = teacher): BilanTrace {
  return {
    lecteur,
    access: {
      action: 'consultation',
      route: `/bilans/${angie}/${bilanId}?note="l'élève", a,b`,
      apprenantId: angie,
      bilanId,
    },
    at: new Date(at),
  };
}

describe.each(testDrivers())('trace queue ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  const database = () => Promise.resolve(connection().db);
  const rows = () => connection().db.select().from(tracesAcces).orderBy(asc(tracesAcces.creeLe));

  beforeEach(() => clearTracesForTests(connection().db));

  it('writes a batch after the delay, each record with its own time and route', async () => {
    // Long enough that the first read surely comes before the write, even on a busy machine.
    const queue = new TraceQueue(database, { delayMs: 300, maxBatch: 100 });
    queue.add(view(angieFirst, '2026-11-28T08:00:00.000Z'));
    queue.add(view(angieLatest, '2026-11-28T08:00:01.500Z'));
    expect(await rows()).toHaveLength(0);
    await vi.waitFor(async () => expect(await rows()).toHaveLength(2), { timeout: 5_000 });
    const written = await rows();
    expect(written.map((r) => [r.bilanId, r.creeLe.toISOString()])).toEqual([
      [angieFirst, '2026-11-28T08:00:00.000Z'],
      [angieLatest, '2026-11-28T08:00:01.500Z'],
    ]);
    expect(written[0]).toMatchObject({
      etablissementId: demo,
      utilisateurId: teacher.utilisateurId,
      action: 'consultation',
      route: `/bilans/${angie}/${angieFirst}?note="l'élève", a,b`,
      apprenantId: angie,
    });
  });

  it('tells each page when its record is written: the promise a stopping server waits for', async () => {
    const queue = new TraceQueue(database, { delayMs: 50, maxBatch: 100 });
    const first = queue.add(view(angieFirst, '2026-11-28T08:30:00Z'));
    const second = queue.add(view(angieLatest, '2026-11-28T08:30:01Z'));
    expect(second).toBe(first);
    await first;
    expect(await rows()).toHaveLength(2);
    const next = queue.add(view(angieLatest, '2026-11-28T08:30:02Z'));
    expect(next).not.toBe(first);
    await next;
    expect(await rows()).toHaveLength(3);
  });

  it('writes a full batch at once, and everything left on flush()', async () => {
    const queue = new TraceQueue(database, { delayMs: 3_600_000, maxBatch: 2 });
    queue.add(view(angieFirst, '2026-11-28T09:00:00Z'));
    queue.add(view(angieLatest, '2026-11-28T09:00:01Z'));
    await vi.waitFor(async () => expect(await rows()).toHaveLength(2), { timeout: 5_000 });
    queue.add(view(angieLatest, '2026-11-28T09:00:02Z'));
    expect(await rows()).toHaveLength(2);
    await queue.flush();
    expect(await rows()).toHaveLength(3);
  });

  it('never records a bilan for a reader of another establishment, even in a batch', async () => {
    const queue = new TraceQueue(database, { delayMs: 3_600_000, maxBatch: 100 });
    queue.add(view(angieLatest, '2026-11-28T10:00:00Z', intruder));
    queue.add(view(angieLatest, '2026-11-28T10:00:01Z'));
    await queue.flush();
    expect((await rows()).map((r) => r.utilisateurId)).toEqual([teacher.utilisateurId]);
  });

  it('reports a failed batch and goes on with the next one', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const queue = new TraceQueue(
      () => (fail ? Promise.reject(new Error('base indisponible')) : database()),
      { delayMs: 3_600_000, maxBatch: 100 },
    );
    queue.add(view(angieFirst, '2026-11-28T11:00:00Z'));
    await queue.flush();
    expect(errors).toHaveBeenCalledWith(
      '[trace] 1 accès non enregistré :',
      expect.objectContaining({ message: 'base indisponible' }),
    );
    fail = false;
    queue.add(view(angieLatest, '2026-11-28T11:00:01Z'));
    await queue.flush();
    expect((await rows()).map((r) => r.bilanId)).toEqual([angieLatest]);
    errors.mockRestore();
  });
});
