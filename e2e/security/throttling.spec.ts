// Sign-in throttling through the real form and the real endpoint: 10 failures lock the
// account (known or not) and the address, the 11th attempt gets a 429 and a French
// message even with the right password, and the lock ends (6 s on the e2e server; the
// 15-minute default is unit-tested in lib/auth/throttle.test.ts).
import { expect, test, type Page } from '@playwright/test';
import { OTHER_TEACHER, PASSWORD, signIn } from '../helpers';

const WRONG = 'Adresse électronique ou mot de passe incorrect.';
const LOCKED = /Trop de tentatives de connexion/;
let nextAddress = Math.floor(Math.random() * 200);

/** A page whose requests come from their own address (the server trusts X-Forwarded-For's last hop). */
async function fromAddress(page: Page): Promise<string> {
  const address = `198.51.100.${nextAddress++ % 250}`;
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return address;
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
  await failTenTimes(page, () => OTHER_TEACHER);
  // Another address does not help: the account itself is locked.
  await fromAddress(page);
  await signIn(page, OTHER_TEACHER, PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(LOCKED);
  await expect(page).toHaveURL(/\/login/);

  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: { email: OTHER_TEACHER, password: PASSWORD, csrfToken: csrf.csrfToken, json: 'true' },
  });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);

  await page.waitForTimeout(7_000);
  await signIn(page, OTHER_TEACHER, PASSWORD);
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
  await signIn(page, OTHER_TEACHER, PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(LOCKED);
  await page.waitForTimeout(7_000);
  await signIn(page, OTHER_TEACHER, PASSWORD);
  await expect(page).toHaveURL(/\/bilans/);
});
