// The printer's waiting room. Jobs run on a fixed number of slots (the browser pages kept
// open); a job is admitted while it can still finish within its time budget, counted from
// its arrival: the estimated wait is the work ahead of it (each waiting job at the moving
// average of recent jobs of its lane, each running job at what is left of its average)
// divided by the slots. Beyond the budget, PdfBusyError with a Retry-After derived from the
// estimate; a job still waiting when its budget runs out gets PdfTimeoutError; a job whose
// client went away (its signal aborted) leaves at once.
//
// Fairness: jobs wait in lanes that the callers name (short documents, long ones…). A free
// slot goes to the lane that has received the least printing time so far (weighted fair
// queueing on measured durations), so fifty short PDFs are not held behind a row of long
// ones — each of them waits for at most about one long job — and a long job is not held
// behind fifty short ones. The queue knows nothing of what the lanes print.
import { PdfBusyError, PdfTimeoutError } from './errors';
import { metrics } from '@/lib/observability/registry';

/** A lane's name, chosen by the caller. */
export type PrintLane = string;

/** What the caller says of a lane. */
export interface LaneSettings {
  /** First estimate of a job, before any job of the lane was measured. */
  initialEstimateMs: number;
  /** At most this many jobs of the lane at once (the other slots stay free for the others). */
  limit?: number;
}

export interface QueueSettings {
  slots: number;
  budgetMs: number;
  /** A ceiling on waiting jobs whatever the estimate (memory), never reached in practice. */
  maxWaiting: number;
  /** The lanes the callers use; a lane not declared here gets DEFAULT_LANE. */
  lanes?: Record<PrintLane, LaneSettings>;
  now?: () => number;
}

export const DEFAULT_LANE: LaneSettings = { initialEstimateMs: 1_000 };

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

interface Lane {
  settings: LaneSettings;
  waiting: Waiting[];
  /** Moving average of a job's duration. */
  estimate: number;
  /** Printing time given to the lane, for fairness (virtual time of fair queueing). */
  served: number;
  running: number;
}

export class PrintQueue {
  private readonly lanes = new Map<PrintLane, Lane>();
  private readonly running = new Map<number, Running>();
  private readonly freeSlots: number[];
  private readonly now: () => number;
  private expiryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly settings: QueueSettings) {
    this.freeSlots = Array.from({ length: settings.slots }, (_, slot) => slot);
    this.now = settings.now ?? Date.now;
    for (const name of Object.keys(settings.lanes ?? {})) this.lane(name);
  }

  private lane(name: PrintLane): Lane {
    let lane = this.lanes.get(name);
    if (!lane) {
      const settings = this.settings.lanes?.[name] ?? DEFAULT_LANE;
      lane = { settings, waiting: [], estimate: settings.initialEstimateMs, served: 0, running: 0 };
      this.lanes.set(name, lane);
    }
    return lane;
  }

  /** How long a job arriving now in `lane` would wait, then print, in milliseconds. */
  estimatedWaitMs(lane: PrintLane): number {
    const now = this.now();
    let ahead = 0;
    for (const job of this.running.values()) {
      ahead += Math.max(0, this.lane(job.lane).estimate - (now - job.startedAt));
    }
    for (const l of this.lanes.values()) ahead += l.waiting.length * l.estimate;
    const queueing = this.freeSlots.length > 0 ? 0 : ahead / this.settings.slots;
    return queueing + this.lane(lane).estimate;
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
      metrics().pdfRefused.inc({ reason: 'file' });
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
          this.lane(lane).running++;
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
        const queue = this.lane(lane).waiting;
        const index = queue.indexOf(job);
        if (index >= 0) queue.splice(index, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.lane(lane).waiting.push(job);
      this.dispatch();
    });
  }

  private waitingCount(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.waiting.length;
    return count;
  }

  private finish(slot: number, name: PrintLane, startedAt: number): void {
    const took = this.now() - startedAt;
    const lane = this.lane(name);
    lane.estimate = SMOOTHING * took + (1 - SMOOTHING) * lane.estimate;
    lane.served += took;
    lane.running--;
    this.running.delete(slot);
    this.freeSlots.push(slot);
    this.dispatch();
  }

  private ready(lane: Lane): boolean {
    return lane.waiting.length > 0 && lane.running < (lane.settings.limit ?? Infinity);
  }

  /** The lane whose turn it is: the ready one that has had the least printing time. */
  private nextLane(): Lane | null {
    let next: Lane | null = null;
    for (const lane of this.lanes.values()) {
      if (this.ready(lane) && (!next || lane.served < next.served)) next = lane;
    }
    return next;
  }

  private dispatch(): void {
    this.expireWaiting();
    for (;;) {
      const lane = this.freeSlots.length > 0 ? this.nextLane() : null;
      if (!lane) break;
      // A lane that was idle does not get to catch up on the time it did not use: alone
      // with waiting jobs, it starts from where the others are.
      const others = [...this.lanes.values()].filter((l) => l !== lane);
      if (others.every((l) => l.waiting.length === 0)) {
        lane.served = Math.max(lane.served, ...others.map((l) => l.served));
      }
      const job = lane.waiting.shift()!;
      const slot = this.freeSlots.shift()!;
      job.start(slot, job.arrivedAt + this.settings.budgetMs);
    }
    this.scheduleExpiry();
  }

  /** Jobs whose budget ran out while waiting get their answer now, not after the queue. */
  private expireWaiting(): void {
    const now = this.now();
    for (const { waiting: queue } of this.lanes.values()) {
      while (queue.length > 0 && queue[0]!.arrivedAt + this.settings.budgetMs <= now) {
        queue.shift()!.fail(new PdfTimeoutError(Math.round(this.settings.budgetMs / 1000)));
      }
    }
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const oldest = Math.min(
      ...[...this.lanes.values()].map((l) => l.waiting[0]?.arrivedAt ?? Infinity),
    );
    if (oldest === Infinity) return;
    const delay = Math.max(0, oldest + this.settings.budgetMs - this.now());
    this.expiryTimer = setTimeout(() => this.dispatch(), delay);
    this.expiryTimer.unref();
  }
}
