// Sign-in flood: how long a signed-in teacher waits for a bilan page while 300
// unauthenticated sign-ins (varied e-mails, varied client addresses) hit the server at
// once. Password hashes cost CPU; this shows whether they starve the pages of teachers
// already at work. Prints the page's p50 / p95 at rest and during the flood, and what the
// flood's requests were answered.
//
//   npm run build && npx tsx bench/signin-flood.ts [attempts=300]
import { ANGIE, ANGIE_BILAN } from '../e2e/security/fixtures';
import { csrfOf, median, percentile, signIn, startServer } from './server';

const attempts = Number(process.argv[2] ?? 300);
const port = 3290;

const server = await startServer({
  port,
  dataDir: '.data/bench-flood',
  // The flood comes from many addresses through a proxy we trust (loopback here).
  env: { TRUSTED_PROXIES: '127.0.0.1,::1' },
});

async function pageTimes(cookie: string, until: () => boolean, min: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < min || !until()) {
    const started = performance.now();
    const response = await fetch(`${server.url}/bilans/${ANGIE}/${ANGIE_BILAN}`, {
      headers: { cookie },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bilan page answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

function describe(label: string, times: number[]): string {
  return `${label}: p50 ${median(times).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (n=${times.length})`;
}

try {
  const cookie = await signIn(server.url, 'enseignant@lycee-demo.test');
  await pageTimes(cookie, () => true, 10); // warm-up
  const rest = await pageTimes(cookie, () => true, 30);

  const { csrfToken, jar: cookies } = await csrfOf(server.url);
  const jar = cookies.join('; ');

  let done = false;
  const statuses = new Map<number, number>();
  const started = performance.now();
  const flood = Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: jar,
          'x-forwarded-for': `198.18.${Math.floor(i / 250)}.${i % 250}`,
        },
        body: new URLSearchParams({
          csrfToken,
          email: `inconnu${i}@flood.test`,
          password: 'mauvais-mot-de-passe',
          json: 'true',
        }),
      }).catch(() => null);
      await response?.arrayBuffer();
      const status = response?.status ?? 0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
  ).finally(() => {
    done = true;
  });
  const during = await pageTimes(cookie, () => done, 5);
  await flood;
  const floodSeconds = (performance.now() - started) / 1000;

  console.log(
    `${attempts} sign-ins in ${floodSeconds.toFixed(1)} s, statuses:`,
    Object.fromEntries(statuses),
  );
  console.log(describe('teacher bilan page at rest', rest));
  console.log(describe('teacher bilan page during the flood', during));
  console.log(`ratio p50 during / at rest: ${(median(during) / median(rest)).toFixed(1)}×`);
} finally {
  await server.stop();
}
