// Fuzzing every route family with hostile ids and parameters (random strings, ../, %00,
// SQL fragments, 10 kB strings, broken percent-encoding, non-UUIDs), signed out and
// signed in: the server must answer each with a deliberate status, never a 500.
import http from 'node:http';
import fc from 'fast-check';
import { expect, test } from '../fixtures';
import { ANGIE, ANGIE_BILAN, CLASSE, SESSION_COOKIE } from './fixtures';

const ALLOWED = new Set([200, 302, 303, 307, 308, 400, 401, 403, 404, 429]);

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.uuid(),
  fc.constantFrom(
    '../',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e/%2e%2e/',
    '%00',
    'a%00b',
    '%',
    '%zz',
    '%E0%A4%A',
    '%C0%AE%C0%AE/',
    "' or 1=1 --",
    "'; drop table bilans; --",
    '1 union select password_hash from utilisateurs',
    '<script>alert(1)</script>',
    '//evil.test',
    'javascript:alert(1)',
    '\\\\evil.test',
    '0',
    '-1',
    '1e309',
    'null',
    '[]',
    '{}',
    ANGIE,
    CLASSE,
    `${ANGIE.toUpperCase()}`,
    `${ANGIE}x`,
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.constant('x'.repeat(10_000)),
);

/** Percent-encodes what an HTTP request line cannot carry; keeps `../`, `%` and the like raw. */
function raw(value: string): string {
  return Array.from(value)
    .map((c) => (/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]/.test(c) ? c : encodeURIComponent(c)))
    .join('');
}

const segment = fc.oneof(hostile.map(raw), hostile.map(encodeURIComponent));
const query = hostile.map(encodeURIComponent);

const path = fc
  .oneof(
    segment.map((a) => `/bilans/${a}`),
    fc.tuple(segment, segment).map(([a, b]) => `/bilans/${a}/${b}`),
    segment.map((b) => `/bilans/${ANGIE}/${b}`),
    fc.tuple(segment, segment).map(([a, b]) => `/bilans/${a}/${b}/pdf`),
    segment.map((b) => `/bilans/${ANGIE}/${b}/pdf`),
    segment.map((c) => `/classes/${c}/derniers-bilans/pdf`),
    fc
      .tuple(query, query, query)
      .map(([c, a, g]) => `/bilans?classe=${c}&apprenant=${a}&aller=${g}`),
    query.map((c) => `/bilans?classe=${c}&classe=${CLASSE}`),
    fc.tuple(segment, query).map(([a, j]) => `/impression/bilan/${a}/${ANGIE_BILAN}?jeton=${j}`),
    query.map((j) => `/impression/derniers-bilans/${CLASSE}?jeton=${j}`),
    fc.tuple(segment, query).map(([k, j]) => `/impression/${k}/${CLASSE}?jeton=${j}&partie=1/2`),
    fc.tuple(segment, query).map(([k, j]) => `/classes/${CLASSE}/${k}/pdf?au=${j}`),
    fc
      .tuple(query, query, query, query)
      .map(
        ([p, f, l, c]) =>
          `/api/pronote/v1/bilans?periode=${p}&format=${f}&limite=${l}&curseur=${c}`,
      ),
    query.map((c) => `/login?callbackUrl=${c}&error=${c}`),
    query.map((r) => `/indisponible?retour=${r}`),
    segment.map((a) => `/api/auth/${a}`),
    segment.map((a) => `/${a}`),
    segment.map((a) => `/bilans/${a}?_rsc=${a.slice(0, 20)}`),
    // One 10 kB value per request: several would exceed Node's 16 kB header limit, which
    // answers 431 before the application is reached.
  )
  .filter((target) => target.length <= 12_000);

function get(baseURL: string, target: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: target,
        method: 'GET',
        headers,
        // Next's own redirects (e.g. `//` → `/`) echo a 10 kB URL in two headers.
        maxHeaderSize: 64 * 1024,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${target}`)));
    request.on('error', reject);
    request.end();
  });
}

async function fuzz(baseURL: string, headers: Record<string, string>, runs: number) {
  await fc.assert(
    fc.asyncProperty(path, fc.boolean(), async (target, rsc) => {
      const status = await get(baseURL, target, rsc ? { ...headers, RSC: '1' } : headers);
      if (!ALLOWED.has(status)) throw new Error(`${status} for GET ${target.slice(0, 300)}`);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? runs), endOnFailure: true },
  );
}

test.describe.configure({ timeout: 300_000 });

test('no route answers 500 to hostile input, signed out', async ({ baseURL }) => {
  await fuzz(baseURL!, {}, 300);
});

test('no route answers 500 to hostile input, signed in as a teacher', async ({ page, baseURL }) => {
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  await fuzz(baseURL!, { cookie: `${SESSION_COOKIE}=${cookie!.value}` }, 400);
});
