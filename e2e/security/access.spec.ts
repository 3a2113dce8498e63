// Who may reach pupils' data: nobody signed out, nobody with a forged, tampered or revoked
// session, no teacher of another establishment, no staff account; proxy-bypass headers
// change nothing because every page and handler checks the session itself.
import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { OTHER_TEACHER, PASSWORD, STAFF, TEACHER, signIn, signInAsTeacher } from '../helpers';
import { PRINT_ROUTES, PUPIL_ROUTES, SESSION_COOKIE } from './fixtures';

const PAGES_AND_PDFS = ['/bilans', ...Object.values(PUPIL_ROUTES)];
const SECRET_WORDS = ['HUBERT', 'Angie', 'Constats sur le niveau'];

async function expectSentToLogin(request: APIRequestContext, url: string, headers = {}) {
  const response = await request.get(url, { maxRedirects: 0, headers });
  expect(response.status(), url).toBe(307);
  expect(response.headers().location, url).toMatch(/^\/login(\?callbackUrl=|$)/);
  const body = await response.text();
  for (const word of SECRET_WORDS) expect(body, url).not.toContain(word);
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

test('signed out: every page and PDF sends to sign-in, print pages and the API refuse', async ({
  request,
}) => {
  for (const url of PAGES_AND_PDFS) await expectSentToLogin(request, url);
  for (const url of PRINT_ROUTES) {
    expect((await request.get(url)).status(), url).toBe(404);
    expect((await request.get(`${url}?jeton=forge`)).status(), url).toBe(404);
  }
  const api = await request.get('/api/pronote/v1/bilans');
  expect(api.status()).toBe(401);
  // The production build has no benchmark page.
  const bench = await request.get('/bench/table');
  expect(bench.status()).toBe(404);
  expect(await request.get('/api/auth/session').then((r) => r.json())).toEqual({});
});

test('x-middleware-subrequest and other proxy-bypass headers change nothing', async ({
  request,
}) => {
  const bypasses: Record<string, string>[] = [
    { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    {
      'x-middleware-subrequest':
        'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
    },
    { 'x-nextjs-data': '1' },
    { 'x-cpro-request-path': '/bilans', 'x-forwarded-host': 'evil.test' },
  ];
  for (const headers of bypasses) {
    for (const url of PAGES_AND_PDFS) await expectSentToLogin(request, url, headers);
    for (const url of PRINT_ROUTES)
      expect((await request.get(url, { headers })).status()).toBe(404);
    expect((await request.get('/api/pronote/v1/bilans', { headers })).status()).toBe(401);
  }
  // Next.js answers a "middleware prefetch" with an empty `{}` WITHOUT running the page or
  // the handler: nothing is rendered, so nothing can leak.
  for (const url of [...PAGES_AND_PDFS, ...PRINT_ROUTES, '/api/pronote/v1/bilans']) {
    const response = await request.get(url, {
      maxRedirects: 0,
      headers: { 'x-middleware-prefetch': '1' },
    });
    expect(response.headers()['x-middleware-skip'], url).toBe('1');
    expect(await response.text(), url).toBe('{}');
  }
});

test('a tampered or forged session token is refused', async ({ page, playwright, baseURL }) => {
  await signInAsTeacher(page);
  const genuine = await sessionCookie(page.context());
  const flip = (s: string, i: number) =>
    s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const forgedNone = [
    Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url'),
    Buffer.from(
      JSON.stringify({ sub: '00000000-0000-4000-8000-000000000000', sessionVersion: 0 }),
    ).toString('base64url'),
    '',
  ].join('.');
  for (const token of [
    flip(genuine, 40),
    flip(genuine, genuine.length - 5),
    genuine.slice(0, -10),
    forgedNone,
  ]) {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    for (const url of [PUPIL_ROUTES.bilanPage, PUPIL_ROUTES.bilanPdf]) {
      await expectSentToLogin(request, url);
    }
    await request.dispose();
  }
});

test('a token copied before sign-out no longer works after it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAsTeacher(page);
  const copied = await sessionCookie(page.context());
  const thief = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${copied}` },
  });
  expect((await thief.get(PUPIL_ROUTES.bilanPage, { maxRedirects: 0 })).status()).toBe(200);
  expect(await (await thief.get('/api/auth/session')).json()).toMatchObject({ user: {} });
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await expectSentToLogin(thief, PUPIL_ROUTES.bilanPage);
  await expectSentToLogin(thief, PUPIL_ROUTES.classPdf);
  // next-auth's own session endpoint does not vouch for it either.
  expect(await (await thief.get('/api/auth/session')).json()).toEqual({});
  await thief.dispose();
  // Signing in again opens a new, working session.
  await signInAsTeacher(page);
  expect((await page.request.get(PUPIL_ROUTES.bilanPage, { maxRedirects: 0 })).status()).toBe(200);
});

test("a teacher of another establishment gets a 404 with nothing of the pupil's", async ({
  page,
}) => {
  await signInAsTeacher(page, OTHER_TEACHER);
  for (const url of Object.values(PUPIL_ROUTES)) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
    const body = await response.text();
    expect(body, url).toMatch(/introuvable/i);
    for (const word of SECRET_WORDS) expect(body, url).not.toContain(word);
  }
});

test('the staff account gets a 403 everywhere', async ({ page }) => {
  await signIn(page, STAFF, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Accès réservé aux enseignants' })).toBeVisible();
  for (const url of PAGES_AND_PDFS) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(403);
    const body = await response.text();
    for (const word of SECRET_WORDS) expect(body, url).not.toContain(word);
  }
});

test('the demo teacher is not affected: the same URLs answer 200', async ({ page }) => {
  await signIn(page, TEACHER, PASSWORD);
  await expect(page).toHaveURL(/\/bilans/);
  for (const url of Object.values(PUPIL_ROUTES)) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
  }
});

test('over https through a trusted proxy, the session cookie is Secure and read back', async ({
  playwright,
  baseURL,
}) => {
  // The e2e server trusts loopback as its reverse proxy (playwright.config.ts).
  const https = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.77' },
  });
  const csrfAnswer = await https.get('/api/auth/csrf');
  const csrf = (await csrfAnswer.json()) as { csrfToken: string };
  // A Secure cookie is not sent back over plain http by the client: send it ourselves.
  const jar = csrfAnswer
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value.split(';')[0])
    .join('; ');
  const response = await https.post('/api/auth/callback/credentials', {
    form: { email: TEACHER, password: PASSWORD, csrfToken: csrf.csrfToken, json: 'true' },
    headers: { cookie: jar },
  });
  expect(response.status()).toBe(200);
  const session = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)
    .find((c) => c.includes('session-token='));
  expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  const value = /^[^=]+=([^;]+)/.exec(session!)![1]!;
  const page = await https.get(PUPIL_ROUTES.bilanPage, {
    headers: { cookie: `__Secure-next-auth.session-token=${value}` },
    maxRedirects: 0,
  });
  expect(page.status()).toBe(200);
  await https.dispose();
});
