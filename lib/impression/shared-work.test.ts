// One print for identical concurrent requests; it stops only when every caller has left.
import { describe, expect, it } from 'vitest';
import { SharedWork } from './shared-work';

describe('SharedWork', () => {
  it('runs the work once for callers of the same key, and again once it is done', async () => {
    const shared = new SharedWork<string>();
    let runs = 0;
    let finish!: (v: string) => void;
    const work = () => {
      runs++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const a = shared.run('k', undefined, work);
    const b = shared.run('k', undefined, work);
    finish('pdf');
    expect(await Promise.all([a, b])).toEqual(['pdf', 'pdf']);
    expect(runs).toBe(1);
    // Done: the next caller starts the work again.
    const c = shared.run('k', undefined, work);
    finish('again');
    expect(await c).toBe('again');
    expect(runs).toBe(2);
  });

  it('aborts the work only when every caller has gone', async () => {
    const shared = new SharedWork<string>();
    let workSignal!: AbortSignal;
    const work = (signal: AbortSignal) => {
      workSignal = signal;
      return new Promise<string>(() => {});
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = shared.run('k', first.signal, work);
    const b = shared.run('k', second.signal, work);
    first.abort(new DOMException('parti', 'AbortError'));
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(workSignal.aborted).toBe(false);
    second.abort(new DOMException('parti', 'AbortError'));
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(workSignal.aborted).toBe(true);
  });
});
