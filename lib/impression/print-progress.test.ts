// The progress of long prints as the waiting page reads it, shared by the instances: one claims
// a print and the others read its news instead of starting it again (of two claims at once,
// one wins); a failure is said once and forgotten after a minute; a print whose instance went
// silent is taken over; nothing once printed (the cache answers).
import { describe, expect, it } from 'vitest';
import { testDrivers } from '@/lib/db/testing';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { PrintProgress, purgeOldPrintProgress } from './print-progress';

const STALE_MS = 60_000;

describe.each(testDrivers())('PrintProgress ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  const db = () => Promise.resolve(connection().db);
  // A clock the test moves on.
  let now = Date.UTC(2026, 11, 7, 17, 0, 0);
  const clock = () => new Date(now);
  const instance = () => new PrintProgress(db, STALE_MS, clock);

  it('one instance prints, another reads how far it has gone, then nothing (in the cache)', async () => {
    const [a, b] = [instance(), instance()];
    expect(await b.take('k1')).toBeNull();
    // Two instances asked at once: one claims the print.
    const claims = await Promise.all([a.claim('k1'), b.claim('k1')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [printer, reader] = claims[0] ? [a, b] : [b, a];
    expect(await reader.take('k1')).toEqual({ etat: 'en-cours', faits: 0, total: null });
    await printer.advanced('k1', 8, 30);
    expect(await printer.take('k1')).toEqual({ etat: 'en-cours', faits: 8, total: 30 });
    expect(await reader.take('k1')).toEqual({ etat: 'en-cours', faits: 8, total: 30 });
    // News that crossed never goes backwards; another print's never lands on this one.
    await printer.advanced('k1', 4, 30);
    await printer.advanced('autre', 3, 4);
    expect(await reader.take('k1')).toEqual({ etat: 'en-cours', faits: 8, total: 30 });
    expect(await reader.take('autre')).toBeNull();
    // Claimed already: the reader does not start it again.
    expect(await reader.claim('k1')).toBe(false);
    await printer.finished('k1', 'cached');
    expect(await reader.take('k1')).toBeNull();
    expect(await printer.take('k1')).toBeNull();
  });

  it('says why a claimed print failed, not that it is ready (its end comes before its failure)', async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim('k5')).toBe(true);
    await a.advanced('k5', 3, 30);
    // The producer's order: the print's end (finally), then the failure it threw.
    await a.finished('k5', 'failed');
    await a.failedWith('k5', 'Le service d’impression ne répond pas.', 30);
    expect(await b.take('k5')).toEqual({
      etat: 'erreur',
      message: 'Le service d’impression ne répond pas.',
      retryAfterSeconds: 30,
    });
  });

  it('keeps a print nobody claimed (its PDF asked straight) to this instance, at no statement', async () => {
    let statements = 0;
    const counted = new PrintProgress(
      () => {
        statements += 1;
        return db();
      },
      STALE_MS,
      clock,
    );
    await counted.advanced('k6', 1, 30);
    await counted.advanced('k6', 12, 30);
    // A waiting page on this instance reads it; another instance knows nothing of it.
    expect(await counted.take('k6')).toEqual({ etat: 'en-cours', faits: 12, total: 30 });
    expect(await instance().take('k6')).toBeNull();
    await counted.finished('k6', 'cached');
    expect(statements).toBe(0);
    // Over, failed or not: no longer under way here.
    await counted.advanced('k7', 2, 30);
    await counted.finished('k7', 'failed');
    expect(await counted.take('k7')).toBeNull();
  });

  it('says a failure once, within a minute, to whichever instance asks; then it starts again', async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim('k2')).toBe(true);
    await a.failedWith('k2', 'Service occupé.', 10);
    const answers = await Promise.all([b.take('k2'), a.take('k2')]);
    expect(answers.filter(Boolean)).toEqual([
      { etat: 'erreur', message: 'Service occupé.', retryAfterSeconds: 10 },
    ]);
    expect(await b.take('k2')).toBeNull();
    // Unread for more than a minute: forgotten.
    expect(await a.claim('k2')).toBe(true);
    await a.failedWith('k2', 'Trop tard.', null);
    now += 61_000;
    expect(await b.take('k2')).toBeNull();
    // A failure not yet read does not stop a new print.
    await a.failedWith('k2', 'Encore.', null);
    expect(await b.claim('k2')).toBe(true);
    expect(await b.take('k2')).toEqual({ etat: 'en-cours', faits: 0, total: null });
  });

  it('says once that a print too large for the cache is ready, then a new one may start', async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim('k4')).toBe(true);
    await a.advanced('k4', 30, 30);
    await a.finished('k4', 'not-cached');
    // Not in the cache: without this, the next question would start the same print again.
    expect(await b.take('k4')).toEqual({ etat: 'pret' });
    expect(await b.take('k4')).toBeNull();
    expect(await b.claim('k4')).toBe(true);
  });

  it('takes over a print whose instance went silent, and purges what nobody asked about', async () => {
    const [a, b] = [instance(), instance()];
    expect(await a.claim('k3')).toBe(true);
    await a.advanced('k3', 5, 30);
    now += STALE_MS - 1_000;
    expect(await b.claim('k3')).toBe(false);
    expect(await b.take('k3')).toEqual({ etat: 'en-cours', faits: 5, total: 30 });
    now += 2_000;
    // No news for the job budget: abandoned (its instance died), another prints it.
    expect(await b.take('k3')).toBeNull();
    expect(await b.claim('k3')).toBe(true);
    expect(await purgeOldPrintProgress(connection().db, new Date(now))).toBe(0);
    expect(await purgeOldPrintProgress(connection().db, new Date(now + 25 * 3600_000))).toBe(3);
  });
});
