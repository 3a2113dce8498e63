// How far each long print of this process has gone — pupils printed of how many — for the
// page a teacher's tab shows until the PDF is ready (lib/pages/impression.ts). Filled by the
// print itself (producer.ts, whoever asked for it); a print that failed is remembered for a
// minute, so that the page says why once, then a reload tries again. In this process only:
// behind several instances a tab may ask another one, which starts the same print (the PDF
// cache is shared, so the first to finish serves both).
import 'server-only';

import type { PrintState } from '@/lib/common/print-state';

const FAILURE_KEPT_MS = 60_000;

export class PrintProgress {
  private readonly running = new Map<string, { faits: number; total: number | null }>();
  private readonly failed = new Map<
    string,
    { message: string; retryAfterSeconds: number | null; at: number }
  >();

  constructor(private readonly now: () => number = Date.now) {}

  started(key: string): void {
    this.failed.delete(key);
    this.running.set(key, { faits: 0, total: null });
  }

  /** `faits` sections (pupils) of `total` printed. */
  advanced(key: string, faits: number, total: number): void {
    if (this.running.has(key)) this.running.set(key, { faits, total });
  }

  /** Printed and cached: the next question finds the PDF in the cache. */
  finished(key: string): void {
    this.running.delete(key);
  }

  failedWith(key: string, message: string, retryAfterSeconds: number | null): void {
    this.running.delete(key);
    const now = this.now();
    for (const [other, { at }] of this.failed) {
      if (now - at > FAILURE_KEPT_MS) this.failed.delete(other);
    }
    this.failed.set(key, { message, retryAfterSeconds, at: now });
  }

  /**
   * The print's state when this process knows it (under way, or failed within the minute —
   * said once), else null: ready in the cache, or to be started.
   */
  take(key: string): PrintState | null {
    const running = this.running.get(key);
    if (running) return { etat: 'en-cours', ...running };
    const failure = this.failed.get(key);
    if (!failure) return null;
    this.failed.delete(key);
    if (this.now() - failure.at > FAILURE_KEPT_MS) return null;
    return {
      etat: 'erreur',
      message: failure.message,
      retryAfterSeconds: failure.retryAfterSeconds,
    };
  }
}
