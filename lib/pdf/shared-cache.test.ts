// The PDF cache every instance shares: what one instance printed is a hit on another, the
// table stays under its cap (least recently read go first), a day-old PDF is purged.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/lib/db/rows';
import { testDrivers } from '@/lib/db/testing';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { purgeOldPdfs, SharedPdfCache } from './cache';

describe.each(testDrivers())('SharedPdfCache ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  const db = () => Promise.resolve(connection().db);

  it('serves on one instance what another printed, bytes intact', async () => {
    const a = new SharedPdfCache(db, 1_000_000);
    const b = new SharedPdfCache(db, 1_000_000);
    const pdf = Buffer.from('%PDF-1.4 ' + '\u00e9'.repeat(100), 'latin1');
    await a.set('k1', pdf);
    expect(Buffer.compare((await b.get('k1'))!, pdf)).toBe(0);
    expect(await b.get('absent')).toBeUndefined();
  });

  it('keeps the table under its cap, dropping the least recently read', async () => {
    // A clock the test moves on: one second between steps.
    let seconds = 0;
    const clock = () => new Date(Date.UTC(2026, 11, 1, 8, 0, seconds));
    const tick = () => void (seconds += 1);
    const cache = new SharedPdfCache(db, 1_000, clock);
    await connection().db.execute(sql`delete from pdf_cache`);
    await cache.set('old', Buffer.alloc(240));
    tick();
    await cache.set('read', Buffer.alloc(240));
    tick();
    await cache.set('new', Buffer.alloc(240));
    tick();
    // Read again on another instance: now the most recent.
    await new SharedPdfCache(db, 1_000, clock).get('read');
    tick();
    await cache.set('newest', Buffer.alloc(240));
    await cache.set('newer', Buffer.alloc(240));
    const rows = rowsOf<{ cle: string; taille: number }>(
      await connection().db.execute(sql`select cle, taille from pdf_cache`),
    );
    expect(rows.reduce((n, r) => n + r.taille, 0)).toBeLessThanOrEqual(1_000);
    const kept = rows.map((r) => r.cle);
    expect(kept).toContain('read');
    expect(kept).not.toContain('old');
  });

  it('purges the PDFs of a past day', async () => {
    const cache = new SharedPdfCache(db, 1_000_000);
    await cache.set('today', Buffer.alloc(10));
    await connection().db.execute(
      sql`update pdf_cache set cree_le = now() - interval '2 days' where cle = 'today'`,
    );
    expect(await purgeOldPdfs(connection().db)).toBeGreaterThanOrEqual(1);
    expect(await new SharedPdfCache(db, 1_000_000).get('today')).toBeUndefined();
  });
});
