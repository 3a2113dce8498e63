// Can a flood of sign-in posts lock a teacher out? 32 addresses × 10 posts each — first
// without any CSRF token (what a page on another site can make browsers send), then with
// valid tokens and wrong passwords (a real guessing flood) — and right after each, a
// teacher at an address that did nothing wrong signs in with the right password. Prints,
// for each flood, the seconds until that sign-in succeeds (0 when at once).
//
//   npm run build && npx tsx bench/signin-lockout.ts
import { csrfOf, startServer } from './server';

const ADDRESSES = 32;
const POSTS = 10;
const port = 3291;

const server = await startServer({
  port,
  dataDir: '.data/bench-lockout',
  env: { TRUSTED_PROXIES: '127.0.0.1,::1' },
});

async function csrf(): Promise<{ token: string; jar: string }> {
  const { csrfToken, jar } = await csrfOf(server.url);
  return { token: csrfToken, jar: jar.join('; ') };
}

async function post(address: string, fields: Record<string, string>, jar: string) {
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: jar,
      'x-forwarded-for': address,
    },
    body: new URLSearchParams({ ...fields, json: 'true' }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function flood(withToken: boolean, round: number): Promise<Record<number, number>> {
  const { token, jar } = await csrf();
  const statuses: Record<number, number> = {};
  await Promise.all(
    Array.from({ length: ADDRESSES }, async (_, a) => {
      for (let i = 0; i < POSTS; i++) {
        const status = await post(
          `198.18.${round}.${a + 1}`,
          {
            email: `cible${a}-${i}@flood.test`,
            password: 'x'.repeat(withToken ? 12 : 201),
            ...(withToken ? { csrfToken: token } : {}),
          },
          withToken ? jar : '',
        );
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

/** Seconds until a clean address signs the teacher in (polling every half second). */
async function secondsUntilSignedIn(address: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { token, jar } = await csrf();
    const status = await post(
      address,
      { email: 'enseignant@lycee-demo.test', password: 'bilans-demo', csrfToken: token },
      jar,
    );
    if (status === 200) return (performance.now() - started) / 1000;
    if (performance.now() - started > 75_000) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

try {
  for (const [round, withToken] of [false, true].entries()) {
    const statuses = await flood(withToken, round);
    const wait = await secondsUntilSignedIn(`203.0.113.${round + 1}`);
    console.log(
      `${ADDRESSES}×${POSTS} posts ${withToken ? 'with valid CSRF tokens, wrong passwords' : 'without CSRF token'}: answered ${JSON.stringify(statuses)}; a clean address signs in after ${wait.toFixed(1)} s`,
    );
    // Let the minute pass before the next flood (global counters are per minute).
    if (round === 0) await new Promise((resolve) => setTimeout(resolve, 61_000));
  }
} finally {
  await server.stop();
}
