// How many HTTP requests our server is still answering: counted by lib/server/main.ts, read by
// the stop of lib/server/startup.ts (Next.js bundles that one apart: the count lives on
// globalThis), which waits for them before closing the database and exiting.
const KEY = Symbol.for('cpro.requestsInFlight');

type Holder = Record<symbol, number | undefined>;

export function requestStarted(): () => void {
  const holder = globalThis as unknown as Holder;
  holder[KEY] = (holder[KEY] ?? 0) + 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    holder[KEY] = (holder[KEY] ?? 1) - 1;
  };
}

export function requestsInFlight(): number {
  return (globalThis as unknown as Holder)[KEY] ?? 0;
}

/** Resolves once no request is in flight, or after `budgetMs`. */
export async function requestsDrained(budgetMs: number): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (requestsInFlight() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
