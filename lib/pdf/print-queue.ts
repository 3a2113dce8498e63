// The printer's waiting room. Jobs run on a fixed number of slots (the browser pages kept
// open); a job is admitted while it can still finish within its time budget, counted from
// its arrival: the estimated wait is the work ahead of it (each waiting job at the moving
// average of recent jobs of its lane, each running job at what is left of its average)
// divided by the slots. Beyond the budget, PdfBusyError with a Retry-After derived from the
// estimate; a job still waiting when its budget runs out gets PdfTimeoutError; a job whose
// client went away (its signal aborted) leaves at once.
//
// Fairness: single bilans and class documents wait in two lanes. A free slot goes to the
// lane that has received the least printing time so far (weighted fair queueing on measured
// durations), so fifty single PDFs are not held behind a row of class documents — each of
// them waits for at most about one class document — and a class document is not held
// behind fifty singles.
import { PdfBusyError, PdfTimeoutError } from './errors';

export type PrintLane = 'bilan' | 'classe';

export interface QueueSettings {
  slots: number;
  budgetMs: number;
  /** A ceiling on waiting jobs whatever the estimate (memory), never reached in practice. */
  maxWaiting: number;
  /** First estimates, before any job of the lane was measured. */
  initialEstimateMs?: Record<PrintLane, number>;
  /** At most this many jobs of a lane at once (the others' slots stay free for the other lane). */
  laneLimit?: Partial<Record<PrintLane, number>>;
  now?: () => number;
}

interface Waiting {
  lane: PrintLane;
  arrivedAt: number;
  start: (slot: number, deadline: number) => void;
  fail: (error: Error) => void;
}

interface Running {
  lane: PrintLane;
  startedAt: number;
}

const SMOOTHING = 0.3;

export class PrintQueue {
  private readonly waiting: Record<PrintLane, Waiting[]> = { bilan: [], classe: [] };
  private readonly running = new Map<number, Running>();
  private readonly freeSlots: number[];
  private readonly estimate: Record<PrintLane, number>;
  /** Printing time given to each lane, for fairness (virtual time of fair queueing). */
  private readonly served: Record<PrintLane, number> = { bilan: 0, classe: 0 };
  private readonly now: () => number;
  private expiryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly settings: QueueSettings) {
    this.freeSlots = Array.from({ length: settings.slots }, (_, slot) => slot);
    this.estimate = { ...(settings.initialEstimateMs ?? { bilan: 500, classe: 3_000 }) };
    this.now = settings.now ?? Date.now;
  }

  /** How long a job arriving now in `lane` would wait, then print, in milliseconds. */
  estimatedWaitMs(lane: PrintLane): number {
    const now = this.now();
    let ahead = 0;
    for (const job of this.running.values()) {
      ahead += Math.max(0, this.estimate[job.lane] - (now - job.startedAt));
    }
    for (const l of ['bilan', 'classe'] as const)
      ahead += this.waiting[l].length * this.estimate[l];
    const queueing = this.freeSlots.length > 0 ? 0 : ahead / this.settings.slots;
    return queueing + this.estimate[lane];
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running.size, waiting: this.waitingCount() };
  }

  /**
   * Runs `work` on a free slot when its turn comes. `work` receives the slot and the time
   * left of the job's budget; its duration feeds the lane's estimate.
   */
  run<T>(
    lane: PrintLane,
    work: (slot: number, remainingMs: number) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted();
    const wait = this.estimatedWaitMs(lane);
    if (wait > this.settings.budgetMs || this.waitingCount() >= this.settings.maxWaiting) {
      return Promise.reject(new PdfBusyError(Math.max(1, Math.ceil(wait / 1000))));
    }
    return new Promise<T>((resolve, reject) => {
      const job: Waiting = {
        lane,
        arrivedAt: this.now(),
        start: (slot, deadline) => {
          signal?.removeEventListener('abort', leave);
          const startedAt = this.now();
          this.running.set(slot, { lane, startedAt });
          work(slot, deadline - startedAt)
            .then(resolve, reject)
            .finally(() => this.finish(slot, lane, startedAt));
        },
        fail: (error) => {
          signal?.removeEventListener('abort', leave);
          reject(error);
        },
      };
      const leave = () => {
        const queue = this.waiting[lane];
        const index = queue.indexOf(job);
        if (index >= 0) queue.splice(index, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting[lane].push(job);
      this.dispatch();
    });
  }

  private waitingCount(): number {
    return this.waiting.bilan.length + this.waiting.classe.length;
  }

  private finish(slot: number, lane: PrintLane, startedAt: number): void {
    const took = this.now() - startedAt;
    this.estimate[lane] = SMOOTHING * took + (1 - SMOOTHING) * this.estimate[lane];
    this.served[lane] += took;
    this.running.delete(slot);
    this.freeSlots.push(slot);
    this.dispatch();
  }

  private runningIn(lane: PrintLane): number {
    let count = 0;
    for (const job of this.running.values()) if (job.lane === lane) count++;
    return count;
  }

  private ready(lane: PrintLane): boolean {
    const limit = this.settings.laneLimit?.[lane] ?? Infinity;
    return this.waiting[lane].length > 0 && this.runningIn(lane) < limit;
  }

  /** The lane whose turn it is: the one that has had the least printing time. */
  private nextLane(): PrintLane | null {
    const bilan = this.ready('bilan');
    const classe = this.ready('classe');
    if (!bilan || !classe) return bilan ? 'bilan' : classe ? 'classe' : null;
    return this.served.bilan <= this.served.classe ? 'bilan' : 'classe';
  }

  private dispatch(): void {
    this.expireWaiting();
    for (;;) {
      const lane = this.freeSlots.length > 0 ? this.nextLane() : null;
      if (!lane) break;
      // A lane that was idle does not get to catch up on the time it did not use.
      const other = lane === 'bilan' ? 'classe' : 'bilan';
      if (this.waiting[other].length === 0)
        this.served[lane] = Math.max(this.served[lane], this.served[other]);
      const job = this.waiting[lane].shift()!;
      const slot = this.freeSlots.shift()!;
      job.start(slot, job.arrivedAt + this.settings.budgetMs);
    }
    this.scheduleExpiry();
  }

  /** Jobs whose budget ran out while waiting get their answer now, not after the queue. */
  private expireWaiting(): void {
    const now = this.now();
    for (const lane of ['bilan', 'classe'] as const) {
      const queue = this.waiting[lane];
      while (queue.length > 0 && queue[0]!.arrivedAt + this.settings.budgetMs <= now) {
        queue.shift()!.fail(new PdfTimeoutError(Math.round(this.settings.budgetMs / 1000)));
      }
    }
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const oldest = Math.min(
      ...(['bilan', 'classe'] as const).map((l) => this.waiting[l][0]?.arrivedAt ?? Infinity),
    );
    if (oldest === Infinity) return;
    const delay = Math.max(0, oldest + this.settings.budgetMs - this.now());
    this.expiryTimer = setTimeout(() => this.dispatch(), delay);
    this.expiryTimer.unref();
  }
}
