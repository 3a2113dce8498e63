// The printer's waiting room, with a clock and jobs under the test's control.
import { describe, expect, it, vi } from 'vitest';
import { PdfBusyError, PdfTimeoutError } from './errors';
import { PrintQueue, type PrintLane } from './print-queue';

/** A job the test finishes by hand, after advancing the clock. */
function controllable() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

function setup(slots: number, budgetMs = 30_000) {
  let now = 0;
  const queue = new PrintQueue({
    slots,
    budgetMs,
    maxWaiting: 1_000,
    lanes: { bilan: { initialEstimateMs: 200 }, classe: { initialEstimateMs: 1_000 } },
    now: () => now,
  });
  const order: string[] = [];
  const jobs = new Map<string, ReturnType<typeof controllable>>();
  const submit = (name: string, lane: PrintLane, signal?: AbortSignal) => {
    const job = controllable();
    jobs.set(name, job);
    return queue.run(
      lane,
      async () => {
        order.push(name);
        await job.done;
        return name;
      },
      signal,
    );
  };
  /** Finishes a running job after `ms` of printing. */
  const finish = async (name: string, ms: number) => {
    now += ms;
    jobs.get(name)!.finish();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, submit, finish, order, advance: (ms: number) => (now += ms) };
}

describe('PrintQueue', () => {
  it('runs as many jobs at once as it has slots, the rest in arrival order', async () => {
    const { submit, finish, order } = setup(2);
    const results = ['a', 'b', 'c', 'd'].map((n) => submit(n, 'bilan'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b']);
    await finish('a', 200);
    expect(order).toEqual(['a', 'b', 'c']);
    await finish('b', 0);
    await finish('c', 0);
    await finish('d', 0);
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('admits while the estimated wait fits the budget, then answers busy with a Retry-After', async () => {
    // One slot, 200 ms per bilan, 2 s of budget: the 10th job would wait ≈ 1.8 s + 0.2 s.
    const { submit, queue } = setup(1, 2_000);
    const admitted = Array.from({ length: 10 }, (_, i) => submit(`j${i}`, 'bilan'));
    const refused = submit('late', 'bilan');
    await expect(refused).rejects.toBeInstanceOf(PdfBusyError);
    await expect(refused).rejects.toMatchObject({ details: { retryAfterSeconds: 3 } });
    expect(queue.size).toEqual({ running: 1, waiting: 9 });
    void admitted;
  });

  it('learns from measured job times: slower jobs, fewer admitted', async () => {
    const { submit, finish, queue } = setup(1, 2_000);
    const first = submit('slow', 'bilan');
    await finish('slow', 1_000);
    await first;
    expect(queue.estimatedWaitMs('bilan')).toBeCloseTo(0.3 * 1_000 + 0.7 * 200);
  });

  it('answers a job still waiting when its budget runs out, without waiting for the queue', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { submit, advance } = setup(1, 500);
      void submit('long', 'bilan').catch(() => {});
      const waiting = submit('waiting', 'bilan');
      const outcome = waiting.catch((error: unknown) => error);
      advance(501);
      vi.advanceTimersByTime(500);
      expect(await outcome).toBeInstanceOf(PdfTimeoutError);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets a job whose client went away leave the queue at once', async () => {
    const { submit, finish, order, queue } = setup(1);
    void submit('first', 'bilan');
    const controller = new AbortController();
    const gone = submit('gone', 'bilan', controller.signal);
    void submit('next', 'bilan');
    controller.abort(new DOMException('client parti', 'AbortError'));
    await expect(gone).rejects.toMatchObject({ name: 'AbortError' });
    expect(queue.size.waiting).toBe(1);
    await finish('first', 100);
    expect(order).toEqual(['first', 'next']);
  });

  it('shares its slot fairly: a class document waits for about one bilan, and bilans for about one class', async () => {
    const { submit, finish, order } = setup(1);
    void submit('b1', 'bilan');
    for (let i = 2; i <= 6; i++) void submit(`b${i}`, 'bilan');
    void submit('c1', 'classe');
    void submit('c2', 'classe');
    await new Promise((resolve) => setImmediate(resolve));
    // b1 runs; when it ends, the class lane has had no time yet: c1 goes next.
    await finish('b1', 200);
    expect(order.at(-1)).toBe('c1');
    // c1 took 1 s; the bilans now get their share before c2.
    await finish('c1', 1_000);
    for (const name of ['b2', 'b3', 'b4', 'b5', 'b6']) {
      expect(order.at(-1)).toBe(name);
      await finish(name, 200);
    }
    expect(order.at(-1)).toBe('c2');
  });
});

describe('PrintQueue lanes named by callers', () => {
  it('shares the slots fairly between three lanes, and takes an undeclared lane', async () => {
    let now = 0;
    const queue = new PrintQueue({ slots: 1, budgetMs: 60_000, maxWaiting: 100, now: () => now });
    const order: string[] = [];
    const jobs: Promise<unknown>[] = [];
    const resolvers = new Map<string, () => void>();
    const submit = (name: string, lane: string) =>
      jobs.push(
        queue.run(lane, () => {
          order.push(name);
          return new Promise<void>((resolve) => resolvers.set(name, resolve));
        }),
      );
    for (const lane of ['a', 'b', 'c']) for (const n of [1, 2]) submit(`${lane}${n}`, lane);
    for (let i = 0; i < 6; i++) {
      await vi.waitFor(() => expect(order).toHaveLength(i + 1));
      now += 100;
      resolvers.get(order[i]!)!();
    }
    await Promise.all(jobs);
    // Each lane in turn: none waits behind another lane's second job.
    expect(order.slice(0, 3).sort()).toEqual(['a1', 'b1', 'c1']);
    expect(order.slice(3).sort()).toEqual(['a2', 'b2', 'c2']);
  });
});

describe('PrintQueue lane limit', () => {
  it('prints at most one class document at a time, singles taking the other page', async () => {
    let now = 0;
    const queue = new PrintQueue({
      slots: 2,
      budgetMs: 30_000,
      maxWaiting: 100,
      lanes: { bilan: { initialEstimateMs: 200 }, classe: { initialEstimateMs: 1_000, limit: 1 } },
      now: () => now,
    });
    const started: string[] = [];
    const finishers = new Map<string, () => void>();
    const submit = (name: string, lane: PrintLane) =>
      queue.run(lane, () => {
        started.push(name);
        return new Promise<void>((resolve) => finishers.set(name, resolve));
      });
    void submit('c1', 'classe');
    void submit('c2', 'classe');
    void submit('b1', 'bilan');
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['c1', 'b1']);
    // c2 waits for c1, not just for a free page: its estimate counts the class ahead.
    expect(queue.estimatedWaitMs('classe')).toBeGreaterThanOrEqual(2_000);
    now += 200;
    finishers.get('b1')!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['c1', 'b1']);
    now += 800;
    finishers.get('c1')!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['c1', 'b1', 'c2']);
  });
});
