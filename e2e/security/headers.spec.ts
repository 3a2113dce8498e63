// Protective headers on every answer, a CSP nonce drawn per request that the page really
// runs under (no violation while a teacher works), and no caching of pupils' data.
import http from 'node:http';
import { expect, test } from '../fixtures';
import { CLASSE, PUPIL_ROUTES } from './fixtures';

function nonceOf(csp: string | undefined): string {
  const match = /'nonce-([^']+)'/.exec(csp ?? '');
  if (!match?.[1]) throw new Error(`no nonce in ${csp}`);
  return match[1];
}

test('every answer carries nosniff, no-referrer, no framing and a CSP', async ({ request }) => {
  const answers = [
    '/login',
    '/api/health',
    '/bilans',
    '/indisponible',
    '/n-existe-pas',
    '/api/pronote/v1/bilans',
  ].map((url) => [url, () => request.get(url, { maxRedirects: 0 })] as const);
  // The class grid's row save, which the proxy skips (proxy.ts), and a broken path our server
  // answers before Next.js.
  const ligne = `/classes/${CLASSE}/saisie/ligne`;
  answers.push([ligne, () => request.post(ligne, { data: {} })]);
  answers.push(['/bilans/%zz', () => request.get('/bilans/%zz')]);
  for (const [url, send] of answers) {
    const headers = (await send()).headers();
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['referrer-policy'], url).toBe('no-referrer');
    expect(headers['x-frame-options'], url).toBe('DENY');
    expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    expect(headers['x-powered-by'], url).toBeUndefined();
  }
});

test('the CSP nonce is new on each request and is the one on every script', async ({ page }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await page.request.get(PUPIL_ROUTES.bilanPage);
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    const nonce = nonceOf(csp);
    nonces.add(nonce);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test('the pages work under the policy: no violation while choosing a pupil', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: '1re SN (2015-2016)' });
  await expect(page).toHaveURL(/\?classe=/);
  await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: 'HUBERT Angie' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
  expect(violations).toEqual([]);
});

test('HSTS is sent when the site is served over https, not over plain http', async ({
  request,
}) => {
  const plain = await request.get('/login');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  const https = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
});

test('only a trusted proxy can say the site is served over https: anyone else gets no HSTS', async ({
  baseURL,
}) => {
  // 127.0.0.2 is this machine too, but not in TRUSTED_PROXIES (127.0.0.1, ::1).
  const url = new URL(baseURL!);
  const headersFrom = (localAddress: string) =>
    new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/login',
          localAddress,
          headers: { 'x-forwarded-proto': 'https', host: url.host },
        },
        (response) => {
          response.resume();
          resolve(response.headers);
        },
      );
      request.on('error', reject);
      request.end();
    });
  expect((await headersFrom('127.0.0.2'))['strict-transport-security']).toBeUndefined();
  expect((await headersFrom('127.0.0.1'))['strict-transport-security']).toMatch(/max-age=/);
});

test('pages, PDFs and API answers with pupils data are private and never stored', async ({
  page,
}) => {
  for (const url of Object.values(PUPIL_ROUTES)) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const cacheControl = response.headers()['cache-control'] ?? '';
    expect(cacheControl, url).toContain('private');
    expect(cacheControl, url).toContain('no-store');
  }
  const api = await page.request.get('/api/pronote/v1/bilans');
  expect(api.headers()['cache-control']).toBe('private, no-store');
});

test('text pasted with HTML in a bilan is displayed as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://localhost')) outside.push(request.url());
  });
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: 'Tle SN (2015-2016)' });
  await expect(page).toHaveURL(/\?classe=/);
  await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: 'LEROY Théo' });
  await expect(page.getByText('<script>alert("x")</script>', { exact: false })).toBeVisible();
  await expect(
    page.getByText('<img src=http://example.invalid/x>', { exact: false }),
  ).toBeVisible();
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(outside).toEqual([]);
});
