// Identical concurrent requests share one piece of work: the second teacher asking for the
// PDF being printed for the first waits for that same print instead of queueing another.
// Each caller may leave (its client went away); the work itself is aborted only when every
// caller has left.
import 'server-only';
export class SharedWork<T> {
  private readonly running = new Map<
    string,
    { promise: Promise<T>; callers: number; controller: AbortController }
  >();

  run(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>) {
    signal?.throwIfAborted();
    let entry = this.running.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created = {
        promise: work(controller.signal).finally(() => {
          if (this.running.get(key) === created) this.running.delete(key);
        }),
        callers: 0,
        controller,
      };
      this.running.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.callers++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        if (settled) return;
        settled = true;
        shared.callers--;
        if (shared.callers === 0) shared.controller.abort(signal?.reason);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', leave, { once: true });
      shared.promise.then(
        (value) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }
}
