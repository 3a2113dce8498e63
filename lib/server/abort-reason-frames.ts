// Keeps finished renders collectable: formats the stack of every Error an
// AbortController#abort() leaves as its signal's reason, as soon as it aborts.
//
// Why: React's Flight server (inside Next.js) ends each render with
// `cacheController.abort(new Error('This render completed successfully…'))`, usually from a
// setImmediate callback. Until an Error's `.stack` is read, V8 keeps its frames as
// structured call sites, and on Node 20–24 those pin the Immediate that ran the callback, its
// AsyncLocalStorage store (the request) and, through the Immediate list's stale links, every
// Immediate that ran after it — so one kept signal retains every later request
// (nodejs/node#66129, vercel/next.js#97899). Measured here: ≈ 60 KB per bilan page, the
// server died of OOM after ≈ 10 000 pages with a 200 MB heap. Reading `.stack` turns the
// frames into a string and drops them; it costs a few microseconds per render.
// Applied only on the Node.js versions where the leak was measured (20 to 24): a later
// version gets no patch, and docs/choix-techniques.md says how to check it still leaks.
const INSTALLED = Symbol.for('cpro.abort-reason-frames');
export const LAST_LEAKING_NODE_MAJOR = 24;

/** Whether this Node.js version keeps the frames (nodejs/node#66129). */
export function nodeKeepsAbortFrames(version: string = process.versions.node): boolean {
  return Number(version.split('.')[0]) <= LAST_LEAKING_NODE_MAJOR;
}

type PatchedPrototype = AbortController & { [INSTALLED]?: true };

export function releaseAbortReasonFrames(): void {
  const prototype = AbortController.prototype as PatchedPrototype;
  if (prototype[INSTALLED] || !nodeKeepsAbortFrames()) return;
  const abort = prototype.abort;
  Object.defineProperty(prototype, 'abort', {
    configurable: true,
    writable: true,
    value: function abortWithFormattedReason(this: AbortController, reason?: unknown): void {
      abort.call(this, reason);
      // The reason the signal ended with: the one given, or the AbortError DOMException that
      // abort() creates when given none (it captures a stack the same way).
      const final: unknown = this.signal.reason;
      if (final instanceof Error) void final.stack;
    },
  });
  Object.defineProperty(prototype, INSTALLED, { value: true });
}
