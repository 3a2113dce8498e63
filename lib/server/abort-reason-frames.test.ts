import { AsyncLocalStorage } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { nodeKeepsAbortFrames, releaseAbortReasonFrames } from './abort-reason-frames';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** React's pattern: each "request" store schedules an immediate that aborts a controller
 * with a fresh Error; one signal outlives its request. How many stores stay reachable? */
async function storesStillReachable(count: number): Promise<number> {
  const storage = new AsyncLocalStorage<{ payload: number[] }>();
  const stores: WeakRef<object>[] = [];
  let kept: AbortSignal | null = null;
  await new Promise<void>((done) => {
    let ran = 0;
    for (let i = 0; i < count; i++) {
      const store = { payload: new Array<number>(1_000).fill(i) };
      stores.push(new WeakRef(store));
      storage.run(store, () => {
        setImmediate(() => {
          const controller = new AbortController();
          controller.abort(new Error('This render completed successfully.'));
          if (i === 0) kept = controller.signal;
          if (++ran === count) setTimeout(done, 10);
        });
      });
    }
  });
  await new Promise((r) => setTimeout(r, 10));
  gc();
  gc();
  expect(kept).not.toBeNull();
  return stores.filter((s) => s.deref() !== undefined).length;
}

describe('releaseAbortReasonFrames', () => {
  it('applies on the Node.js versions measured to leak (20 to 24), not after', () => {
    expect(nodeKeepsAbortFrames('20.20.2')).toBe(true);
    expect(nodeKeepsAbortFrames('24.1.0')).toBe(true);
    expect(nodeKeepsAbortFrames('25.0.0')).toBe(false);
  });

  it.runIf(nodeKeepsAbortFrames())(
    "formats an Error reason's stack when it is given to abort(), once installed twice",
    () => {
      releaseAbortReasonFrames();
      releaseAbortReasonFrames();
      const formatted: unknown[] = [];
      const previous = Error.prepareStackTrace;
      Error.prepareStackTrace = (error, frames) => {
        formatted.push(error);
        return `${String(error)} (${frames.length} frames)`;
      };
      try {
        const reason = new Error('fin du rendu');
        const controller = new AbortController();
        controller.abort(reason);
        expect(formatted).toEqual([reason]);
        expect(controller.signal.aborted).toBe(true);
        expect(controller.signal.reason).toBe(reason);
        // Other reasons pass through untouched.
        const other = new AbortController();
        other.abort('raison');
        expect(other.signal.reason).toBe('raison');
        expect(formatted).toHaveLength(1);
        // With no reason, the AbortError that abort() creates is formatted too.
        const bare = new AbortController();
        bare.abort();
        expect(bare.signal.reason).toBeInstanceOf(Error);
        expect(formatted).toEqual([reason, bare.signal.reason]);
      } finally {
        Error.prepareStackTrace = previous;
      }
    },
  );

  // On a later Node.js the patch is not applied: measure the leak again before dropping it.
  it.runIf(nodeKeepsAbortFrames())(
    'lets finished requests be collected although one abort signal is kept',
    async () => {
      releaseAbortReasonFrames();
      // Without the work-around, Node 20 keeps all 200 stores reachable from the kept signal.
      expect(await storesStillReachable(200)).toBeLessThanOrEqual(1);
    },
  );
});
