// Sign-in throttling through the real form and the real endpoint: 10 failures lock the
// account (known or not) and the address, the 11th attempt gets a 429 and a French
// message even with the right password, and the lock ends (6 s on the e2e server; the
// 15-minute default is unit-tested in lib/auth/throttle.test.ts).
import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, signIn } from '../helpers';
import { OWN_ACCOUNTS } from '../accounts';

const WRONG = 'Adresse électronique ou mot de passe incorrect.';
// The real lock duration (SIGNIN_LOCK_SECONDS=6 on the e2e server), never « 15 minutes ».
const LOCKED =
  /^Trop de tentatives de connexion : la connexion est bloquée pendant [1-6] secondes?\.$/;
let nextAddress = 0;

/**
 * A page whose requests come from their own address (the server trusts X-Forwarded-For's
 * last hop): one /24 per worker running at the same time, so parallel tests never share one.
 */
async function fromAddress(page: Page): Promise<string> {
  const address = `198.51.${100 + test.info().parallelIndex}.${1 + (nextAddress++ % 250)}`;
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return address;
}

/**
 * Waits for the lock to end (6 s on the e2e server) by trying the right password until it
 * is accepted: a refused try does not extend a lock, and the success clears the counters.
 * Leaves the browser signed out.
 */
async function waitUntilUnlocked(page: Page, email: string) {
  await expect
    .poll(
      async () => {
        const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as {
          csrfToken: string;
        };
        const response = await page.request.post('/api/auth/callback/credentials', {
          form: { email, password: PASSWORD, csrfToken: csrf.csrfToken, json: 'true' },
        });
        return response.status();
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(200);
  await page.context().clearCookies();
}

async function failTenTimes(page: Page, email: (i: number) => string) {
  for (let i = 0; i < 10; i++) {
    await signIn(page, email(i), 'pas-le-bon');
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(WRONG);
  }
}

test('ten failures lock an account, even against the right password, then it unlocks', async ({
  page,
}) => {
  await fromAddress(page);
  await failTenTimes(page, () => OWN_ACCOUNTS.verrou);
  // Another address does not help: the account itself is locked.
  await fromAddress(page);
  await signIn(page, OWN_ACCOUNTS.verrou, PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(LOCKED);
  await expect(page).toHaveURL(/\/login/);

  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: {
      email: OWN_ACCOUNTS.verrou,
      password: PASSWORD,
      csrfToken: csrf.csrfToken,
      json: 'true',
    },
  });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);

  await waitUntilUnlocked(page, OWN_ACCOUNTS.verrou);
  await signIn(page, OWN_ACCOUNTS.verrou, PASSWORD);
  await expect(page).toHaveURL(/\/bilans/);
});

test('an unknown e-mail is locked the same way: nothing tells it from a real account', async ({
  page,
}) => {
  await fromAddress(page);
  await failTenTimes(page, () => 'personne@lycee-demo.test');
  await signIn(page, 'personne@lycee-demo.test', PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(LOCKED);
});

test('one address trying many accounts is locked, whatever account it tries next', async ({
  page,
}) => {
  await fromAddress(page);
  await failTenTimes(page, (i) => `essai${i}@lycee-demo.test`);
  await signIn(page, OWN_ACCOUNTS.verrouAdresse, PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(LOCKED);
  await waitUntilUnlocked(page, OWN_ACCOUNTS.verrouAdresse);
  await signIn(page, OWN_ACCOUNTS.verrouAdresse, PASSWORD);
  await expect(page).toHaveURL(/\/bilans/);
});

/** The CSRF token and cookie next-auth wants with a sign-in, for raw requests. */
async function csrf(page: Page): Promise<string> {
  const answer = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return answer.csrfToken;
}

function sessionCookieSet(headers: { name: string; value: string }[]): boolean {
  return headers.some(
    (h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session-token='),
  );
}

test('the lock holds on every path next-auth takes for a credentials sign-in', async ({ page }) => {
  await fromAddress(page);
  const email = `chemins-${Date.now()}@lycee-demo.test`;
  const token = await csrf(page);
  // Guesses on suffixed paths are counted like the canonical one: the 11th is refused.
  const paths = [
    '/api/auth/callback/credentials/x',
    '/api/auth/callback/credentials/%20',
    '/api/auth/callback/cred%65ntials',
    '/api/auth/callback/credentials/a/b?x=1',
  ];
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const response = await page.request.post(paths[i % paths.length]!, {
      form: { email, password: 'pas-le-bon', csrfToken: token, json: 'true' },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(
    statuses.slice(0, 10).every((s) => s === 401),
    statuses.join(','),
  ).toBe(true);
  expect(statuses[10]).toBe(429);

  // A locked real account cannot sign in through any of them, with the right password.
  await fromAddress(page);
  await failTenTimes(page, () => OWN_ACCOUNTS.verrouChemins);
  await fromAddress(page);
  for (const path of [...paths, '/api/auth/callback/credentials']) {
    for (const body of [
      {
        form: {
          email: OWN_ACCOUNTS.verrouChemins,
          password: PASSWORD,
          csrfToken: token,
          json: 'true',
        },
      },
      {
        data: {
          email: OWN_ACCOUNTS.verrouChemins,
          password: PASSWORD,
          csrfToken: token,
          json: 'true',
        },
      },
    ]) {
      const response = await page.request.post(path, { ...body, maxRedirects: 0 });
      expect(sessionCookieSet(response.headersArray()), path).toBe(false);
      expect(response.status(), path).toBe(429);
    }
  }
});

test('posts that could sign nobody in count nowhere: no CSRF token, a wrong one, another site, malformed', async ({
  page,
}) => {
  const address = await fromAddress(page);
  const token = await csrf(page);
  const victim = OWN_ACCOUNTS.victime;
  const refusals: { form: Record<string, string>; headers: Record<string, string> }[] = [
    // Another site's form, as a victim's browser would send it (its cookies, no token).
    {
      form: { email: victim, password: 'x', json: 'true' },
      headers: { 'sec-fetch-site': 'cross-site' },
    },
    {
      form: { email: victim, password: 'x', csrfToken: token, json: 'true' },
      headers: { origin: 'https://evil.test' },
    },
    // No token, a wrong token.
    { form: { email: victim, password: 'x', json: 'true' }, headers: {} },
    {
      form: { email: victim, password: 'x', csrfToken: 'f'.repeat(64), json: 'true' },
      headers: {},
    },
    // A password no account can have, an address no account can have.
    {
      form: { email: victim, password: 'x'.repeat(201), csrfToken: token, json: 'true' },
      headers: {},
    },
    {
      form: { email: `${victim}\u0000`, password: 'x', csrfToken: token, json: 'true' },
      headers: {},
    },
  ];
  for (let round = 0; round < 4; round++) {
    for (const { form, headers } of refusals) {
      const response = await page.request.post('/api/auth/callback/credentials', {
        form,
        headers,
        maxRedirects: 0,
      });
      expect([400, 403], JSON.stringify(form)).toContain(response.status());
    }
  }
  // 24 refusals later, neither the account nor the address (a whole school behind one NAT
  // address) is locked: the teacher signs in at once.
  expect(address).toMatch(/^198\.51\.\d+\./);
  await signIn(page, victim, PASSWORD);
  await expect(page).toHaveURL(/\/bilans/);
});

test('repeated or missing fields are refused with 400 and sign nobody in', async ({ page }) => {
  await fromAddress(page);
  const token = await csrf(page);
  const bodies = [
    `email=decoy%40lycee-demo.test&email=${encodeURIComponent(OWN_ACCOUNTS.victime)}&password=${PASSWORD}&csrfToken=${token}&json=true`,
    `email=${encodeURIComponent(OWN_ACCOUNTS.victime)}&password=faux&password=${PASSWORD}&csrfToken=${token}&json=true`,
    `password=${PASSWORD}&csrfToken=${token}&json=true`,
    `email=${encodeURIComponent(OWN_ACCOUNTS.victime)}&csrfToken=${token}&json=true`,
  ];
  for (const data of bodies) {
    const response = await page.request.post('/api/auth/callback/credentials', {
      data,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    expect(response.status(), data).toBe(400);
    expect(sessionCookieSet(response.headersArray()), data).toBe(false);
  }
  const arrays = await page.request.post('/api/auth/callback/credentials', {
    data: {
      email: ['decoy@lycee-demo.test', OWN_ACCOUNTS.victime],
      password: PASSWORD,
      csrfToken: token,
    },
    maxRedirects: 0,
  });
  expect(arrays.status()).toBe(400);
});
