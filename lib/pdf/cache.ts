// A bounded in-memory cache of finished PDFs (lru-cache). Bilans never change, so a PDF is
// defined by what it shows: the key is a hash of its view, the template version and the
// print day; an entry lives a day at most. Least recently used entries go first once the
// total size passes the limit; a PDF over a quarter of it is not kept; size 0 turns it off.
import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';

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
