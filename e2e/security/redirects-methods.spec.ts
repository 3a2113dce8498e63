// Attacks on what the server sends back rather than on what it shows: every redirect target
// (callbackUrl, retour, next-auth's callbackUrl) stays on our origin whatever control
// characters, backslashes or schemes it carries; every HTTP method outside the module's
// gets a 405 with the security headers, never a 500; ids in upper case are the same ids.
import http from 'node:http';
import fc from 'fast-check';
import { expect, test } from '../fixtures';
import { PASSWORD, TEACHER, signIn } from '../helpers';
import { ANGIE, ANGIE_BILAN, CLASSE, SESSION_COOKIE } from './fixtures';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request exactly as written (no client-side URL clean-up). */
function raw(
  baseURL: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: target, method, headers, maxHeaderSize: 65_536 },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: ${target}`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** Whether a URL the browser would follow stays on `origin` (as the browser resolves it). */
function staysHome(target: string | undefined, origin: string): boolean {
  if (target === undefined) return true;
  // Browsers drop tabs and line breaks from URLs before resolving them.
  const cleaned = target.replace(/[\t\n\r]/g, '');
  return new URL(cleaned, `${origin}/login`).origin === origin;
}

const CONTROL = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const hostileTarget = fc.oneof(
  fc
    .tuple(CONTROL, fc.constantFrom('/', '//', '\\', '/\\', ''))
    .map(([c, s]) => `/${c}${s}evil.test:8080/x`),
  fc
    .tuple(fc.constantFrom('/', '\\', '//'), CONTROL, fc.constantFrom('/evil.test', '\\evil.test'))
    .map(([a, c, b]) => `${a}${c}${b}`),
  fc.constantFrom(
    '//evil.test',
    '/\\evil.test',
    '\\\\evil.test',
    '/.//evil.test',
    'https://evil.test/',
    'http:evil.test',
    'javascript:alert(1)',
    '/%2F%2Fevil.test',
    '/\u2028/evil.test',
    '/bilans\r\nSet-Cookie: x=1',
    '/bilans\r\nLocation: https://evil.test',
  ),
  fc.string({ maxLength: 30 }),
);

test.describe.configure({ timeout: 240_000 });

test('no redirect parameter leads off our origin, and CR/LF never gives a 500', async ({
  page,
  baseURL,
}) => {
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
  const origin = new URL(baseURL!).origin;
  await fc.assert(
    fc.asyncProperty(hostileTarget, async (target) => {
      const value = encodeURIComponent(target);
      // Signed in, /login sends the teacher straight to callbackUrl.
      const login = await raw(baseURL!, 'GET', `/login?callbackUrl=${value}`, {
        cookie: `${SESSION_COOKIE}=${cookie.value}`,
      });
      expect([200, 303, 307, 308], target).toContain(login.status);
      expect(
        staysHome(login.headers.location, origin),
        `${target} → ${login.headers.location}`,
      ).toBe(true);
      // /indisponible offers a link back to `retour`.
      const back = await raw(baseURL!, 'GET', `/indisponible?retour=${value}`);
      expect([200, 503], target).toContain(back.status);
      for (const [, href] of back.body.matchAll(/href="([^"]*)"/g)) {
        const decoded = href!
          .replace(/&amp;/g, '&')
          .replace(/&#x27;/g, "'")
          .replace(/&quot;/g, '"');
        expect(staysHome(decoded, origin), `${target} → ${href}`).toBe(true);
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 150), endOnFailure: true },
  );
});

test('signing in through the form from a crafted link lands on our own pages', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  for (const target of [
    '/\t/evil.test:8080/x',
    '//evil.test',
    'https://evil.test/',
    '/\\evil.test',
  ]) {
    await page.context().clearCookies();
    await signIn(page, TEACHER, PASSWORD, `/login?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page).toHaveURL(/\/bilans/);
    expect(new URL(page.url()).origin, target).toBe(origin);
  }
});

test('next-auth sends a signed-in teacher only to our own pages', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const target of [
    'https://evil.test/x',
    '//evil.test',
    '/\t/evil.test',
    '/\\evil.test',
    '/bilans',
  ]) {
    await page.context().clearCookies();
    const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await page.request.post('/api/auth/callback/credentials', {
      form: {
        email: 'enseignant@lycee-demo.test',
        password: 'bilans-demo',
        csrfToken: csrf.csrfToken,
        callbackUrl: target,
        json: 'true',
      },
      headers: { 'x-forwarded-for': `203.0.113.${200 + Math.floor(Math.random() * 50)}` },
    });
    expect(response.status()).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(staysHome(url, origin), `${target} → ${url}`).toBe(true);
  }
});

test('methods the module does not use get a 405 with the security headers, never a 500', async ({
  baseURL,
}) => {
  const methods = ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'MKCOL', 'PURGE'];
  const paths = [
    '/',
    '/login',
    '/bilans',
    `/bilans/${ANGIE}/${ANGIE_BILAN}`,
    `/bilans/${ANGIE}/${ANGIE_BILAN}/pdf`,
    '/api/auth/session',
    '/api/auth/callback/credentials',
    '/api/pronote/v1/bilans',
    '/api/health',
    '/indisponible',
    '/n-existe-pas',
  ];
  for (const method of methods) {
    for (const path of paths) {
      const answer = await raw(baseURL!, method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
      expect(answer.headers['x-frame-options'], `${method} ${path}`).toBe('DENY');
      expect(answer.headers['content-security-policy'], `${method} ${path}`).toContain(
        "frame-ancestors 'none'",
      );
      expect(answer.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    }
  }
});

/** The headers every answer carries, refusals included. */
function expectSecurityHeaders(answer: RawAnswer, what: string) {
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['x-frame-options'], what).toBe('DENY');
  expect(answer.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

test('a request Node or Next.js would mishandle is answered by us: 400, 204, never a 500 or a redirect away', async ({
  baseURL,
}) => {
  // A method HTTP does not define is refused by Node's parser: still our headers.
  const unknown = await raw(baseURL!, 'FOO', '/bilans');
  expect(unknown.status).toBe(400);
  expectSecurityHeaders(unknown, 'FOO');
  // `OPTIONS *` asks what the server allows (Next.js answered it with a 500).
  const options = await raw(baseURL!, 'OPTIONS', '*');
  expect(options.status).toBe(204);
  expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  expectSecurityHeaders(options, 'OPTIONS *');
  // An absolute request-target names another host (Next.js redirected there).
  for (const target of ['http://evil.test/bilans', 'https://evil.test/', 'evil.test:80']) {
    const answer = await raw(baseURL!, 'GET', target);
    expect(answer.status, target).toBe(400);
    expect(answer.headers.location, target).toBeUndefined();
    expectSecurityHeaders(answer, target);
  }
});

test('sign-in bodies with repeated or odd fields, on varied auth paths, never sign in or fail', async ({
  baseURL,
}) => {
  const csrfAnswer = await raw(baseURL!, 'GET', '/api/auth/csrf');
  const { csrfToken } = JSON.parse(csrfAnswer.body) as { csrfToken: string };
  const jar = (csrfAnswer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const field = fc.constantFrom(
    'email',
    'password',
    'csrfToken',
    'callbackUrl',
    'json',
    'cproAttempt',
    'x',
  );
  const value = fc.oneof(
    fc.constantFrom('enseignant@lycee-demo.test', 'bilans-demo', csrfToken, '', '%00', 'true'),
    fc.string({ maxLength: 20 }),
  );
  const body = fc.array(fc.tuple(field, value), { minLength: 1, maxLength: 8 });
  const path = fc.oneof(
    fc.constantFrom(
      '/api/auth/callback/credentials',
      '/api/auth/callback/credentials/x',
      '/api/auth/callback/cred%65ntials',
      '/api/auth/signin/credentials',
      '/api/auth/callback',
      '/api/auth/session',
      '/api/auth/signout',
    ),
    fc.string({ maxLength: 12 }).map((s) => `/api/auth/${encodeURIComponent(s)}/credentials`),
  );
  let address = 0;
  await fc.assert(
    fc.asyncProperty(path, body, fc.boolean(), async (target, fields, json) => {
      const payload = json
        ? JSON.stringify(Object.fromEntries(fields))
        : fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      const answer = await raw(
        baseURL!,
        'POST',
        target,
        {
          'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
          cookie: jar,
          'x-forwarded-for': `203.0.113.${address++ % 250}`,
        },
        payload,
      );
      expect(answer.status, `${target} ${payload}`).toBeLessThan(500);
      // The right password is only accepted once, with both fields given once.
      const emails = fields.filter(([k]) => k === 'email').length;
      const passwords = fields.filter(([k]) => k === 'password').length;
      const attempt = fields.some(([k]) => k === 'cproAttempt');
      const setsSession = (answer.headers['set-cookie'] ?? []).some((c) =>
        c.includes('session-token='),
      );
      if (setsSession) {
        expect(json ? emails >= 1 : emails === 1, payload).toBe(true);
        expect(json ? passwords >= 1 : passwords === 1, payload).toBe(true);
        expect(attempt, payload).toBe(false);
      }
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 200), endOnFailure: true },
  );
});

test('an id in upper case is the same id: same page, same PDF, and the cache is not told', async ({
  page,
}) => {
  const upper = `/bilans/${ANGIE.toUpperCase()}/${ANGIE_BILAN.toUpperCase()}`;
  expect((await page.request.get(upper)).status()).toBe(200);
  for (const url of [`${upper}/pdf`, `/bilans/${ANGIE}/${ANGIE_BILAN}/pdf`]) {
    const pdf = await page.request.get(url);
    expect(pdf.status(), url).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['x-pdf-cache']).toBeUndefined();
    expect(Buffer.from(await pdf.body()).toString('latin1')).not.toContain('HeadlessChrome');
  }
});

test('dates the database cannot hold get a French answer, never a 500', async ({ page }) => {
  for (const au of ['0000-01-01', '0001-01-01', '2016-02-30', '275760-09-13', '2016-06-01%00']) {
    const synthese = await page.request.get(`/classes/${CLASSE}/synthese?au=${au}`);
    expect(synthese.status(), au).toBe(200);
    expect(await synthese.text(), au).toContain('est pas une date');
    for (const download of ['csv', 'pdf']) {
      const answer = await page.request.get(`/classes/${CLASSE}/synthese/${download}?au=${au}`);
      expect(answer.status(), `${download} ${au}`).toBe(404);
      expect(answer.headers()['content-type'], `${download} ${au}`).toContain('text/html');
    }
  }
});
