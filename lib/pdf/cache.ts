// Caches of finished PDFs. Bilans never change, so a PDF is defined by what it shows: the
// key is a hash of its view, the template version and the print day. PdfCache is a bounded
// in-memory LRU (lru-cache): least recently used entries go first once the total size passes
// the limit, a PDF over a quarter of it is not kept, an entry lives a day at most, size 0
// turns it off. SharedPdfCache puts one in front of the table every instance shares.
import crypto from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { pdfCache } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';

const DAY_MS = 24 * 60 * 60 * 1000;

export class PdfCache {
  private readonly entries: LRUCache<string, Buffer> | null;

  constructor(maxBytes: number) {
    this.entries =
      maxBytes > 0
        ? new LRUCache<string, Buffer>({
            maxSize: maxBytes,
            maxEntrySize: maxBytes / 4,
            sizeCalculation: (buffer) => Math.max(1, buffer.length),
            ttl: DAY_MS,
          })
        : null;
  }

  static key(...parts: unknown[]): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): Buffer | undefined {
    return this.entries?.get(key);
  }

  set(key: string, value: Buffer): void {
    this.entries?.set(key, value);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }
}

const FRONT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The PDF cache every instance shares: a PostgreSQL table (`pdf_cache`) capped at `maxBytes`
 * (least recently read go first), with a small in-memory front per process so that a hot
 * PDF costs no round trip. Entries never go stale (the key names the content); the purge
 * drops those older than a day (their key's day is over).
 */
export class SharedPdfCache {
  private readonly front: PdfCache;

  constructor(
    private readonly database: () => Promise<Database>,
    private readonly maxBytes: number,
    /** When a read or a write happens (the least recently read go first): tests drive it. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.front = new PdfCache(Math.min(maxBytes, FRONT_MAX_BYTES));
  }

  async get(key: string): Promise<Buffer | undefined> {
    if (this.maxBytes <= 0) return undefined;
    const near = this.front.get(key);
    if (near) return near;
    const db = await this.database();
    const [row] = await db
      .update(pdfCache)
      .set({ dernierAcces: this.now() })
      .where(eq(pdfCache.cle, key))
      .returning({ octets: pdfCache.octets });
    if (!row) return undefined;
    this.front.set(key, row.octets);
    return row.octets;
  }

  /** Whether the cache can hold PDFs at all (PDF_CACHE_MAX_BYTES=0: none). */
  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** Stores the PDF; false when it is not kept (no cache, or larger than a quarter of it). */
  async set(key: string, bytes: Buffer): Promise<boolean> {
    if (this.maxBytes <= 0 || bytes.length > this.maxBytes / 4) return false;
    this.front.set(key, bytes);
    const db = await this.database();
    await db
      .insert(pdfCache)
      .values({ cle: key, octets: bytes, taille: bytes.length, dernierAcces: this.now() })
      .onConflictDoUpdate({ target: pdfCache.cle, set: { dernierAcces: this.now() } });
    // Past the cap, the least recently read go (one statement; the table holds ~1 000 rows).
    await db.execute(sql`
      delete from pdf_cache where cle in (
        select cle from (
          select cle, sum(taille) over (order by dernier_acces desc, cle) as cumul from pdf_cache
        ) ranked
        where cumul > ${this.maxBytes})`);
    return true;
  }
}

/** PDFs whose key's day is over (run with the other purges). */
export async function purgeOldPdfs(db: Database, now = new Date()): Promise<number> {
  const limit = new Date(now.getTime() - DAY_MS);
  const purged = await db
    .delete(pdfCache)
    .where(lt(pdfCache.creeLe, limit))
    .returning({ cle: pdfCache.cle });
  return purged.length;
}
