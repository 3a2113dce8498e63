// Page views are traced in batches: a bilan page queues its record (no database work
// during the request) and the queue writes what it holds in one statement a moment later,
// or as soon as a batch is full; a stopping server waits for it (after(), startup.ts).
// When every teacher of a school opens bilans before the class councils, this is one
// insert and one commit per batch instead of one per page (a tenth of a page's server
// time). What a crash can lose is bounded by the delay (a quarter of a second of views).
import 'server-only';
import type { Database } from '@/lib/db/types';
import { traceBilans, type BilanTrace } from './acces';
import { compte } from '@/lib/common/pluriel';

export interface TraceQueueOptions {
  /** How long a record may wait for others before the batch is written. */
  delayMs: number;
  /** A batch this large is written at once. */
  maxBatch: number;
}

// Promise.withResolvers() is not in Node.js 20.
function settledSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class TraceQueue {
  private pending: BilanTrace[] = [];
  /** Settles once the batch now being filled is written. */
  private pendingWritten: { promise: Promise<void>; resolve: () => void } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: () => Promise<Database>,
    private readonly options: TraceQueueOptions = { delayMs: 250, maxBatch: 200 },
  ) {}

  /**
   * Queues a record; the promise settles once its batch is written (or reported lost) and
   * never rejects. Pages hand it to Next's after(), whose graceful stop waits for it.
   */
  add(trace: BilanTrace): Promise<void> {
    this.pending.push(trace);
    this.pendingWritten ??= settledSignal();
    const written = this.pendingWritten.promise;
    if (this.pending.length >= this.options.maxBatch) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
      // A queued record never keeps a stopping process alive: stopping flushes.
      this.timer.unref();
    }
    return written;
  }

  /** Writes everything queued so far; resolves once it is written (or reported lost). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    const written = this.pendingWritten;
    this.pending = [];
    this.pendingWritten = null;
    // One batch at a time, in order: a batch never overtakes the one before.
    this.writing = this.writing.then(async () => {
      try {
        if (batch.length > 0) await traceBilans(await this.database(), batch);
      } catch (error) {
        console.error(
          `[trace] ${compte(batch.length, 'accès non enregistré', 'accès non enregistrés')} :`,
          error,
        );
      } finally {
        written?.resolve();
      }
    });
    return this.writing;
  }
}
