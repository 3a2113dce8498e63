// The sign-in and sign-out forms as a slow school network or a browser without JavaScript
// sees them: real POST forms, no password in any URL, French messages, a sign-out that
// ends this browser's session only (or, on demand, every device's), back on the host used.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PASSWORD, TEACHER, signInAsTeacher } from '../helpers';
import { OWN_ACCOUNTS } from '../accounts';

const EMPTY = 'Saisissez votre adresse électronique et votre mot de passe.';
const WRONG = 'Adresse électronique ou mot de passe incorrect.';

async function withoutJavaScript(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return { context, page, urls };
}

async function fill(page: Page, email: string, password: string) {
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

test('without JavaScript the form posts: signed in, back where the teacher was going, no password in any URL', async ({
  browser,
  baseURL,
}) => {
  const { context, page, urls } = await withoutJavaScript(browser, baseURL!);
  await page.goto('/bilans?classe=abc');
  await expect(page).toHaveURL(/\/login\?.*callbackUrl=%2Fbilans%3Fclasse%3Dabc/);
  await fill(page, TEACHER, 'pas-le-bon');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(WRONG);
  // Still going to the same page after a refusal.
  await expect(page).toHaveURL(/callbackUrl=%2Fbilans%3Fclasse%3Dabc/);
  await fill(page, TEACHER, PASSWORD);
  await expect(page).toHaveURL(/\/bilans\?classe=abc$/);
  for (const url of urls) {
    expect(url).not.toContain('pas-le-bon');
    expect(url).not.toContain(encodeURIComponent(PASSWORD));
    expect(url).not.toMatch(/password=/);
  }
  await context.close();
});

test('empty fields are asked for, with and without JavaScript', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(EMPTY);
  await page.getByLabel('Adresse électronique').fill(TEACHER);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(EMPTY);

  const noJs = await withoutJavaScript(browser, baseURL!);
  await noJs.page.goto('/login');
  await fill(noJs.page, '', '');
  await expect(noJs.page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(EMPTY);
  await fill(noJs.page, TEACHER, '');
  await expect(noJs.page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(EMPTY);
  await noJs.context.close();
});

test('« Se déconnecter » ends this browser only; « tous les appareils » ends every session', async ({
  browser,
  baseURL,
}) => {
  // An account of this test's own: ending all its sessions touches no other test.
  const open = async () => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInAsTeacher(page, OWN_ACCOUNTS.deconnexion);
    return { context, page };
  };
  const stillIn = async (page: Page) =>
    (await page.request.get('/bilans', { maxRedirects: 0 })).status() === 200;
  const laptop = await open();
  const schoolPc = await open();
  const phone = await open();

  await laptop.page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(laptop.page).toHaveURL(/\/login/);
  expect(await stillIn(laptop.page)).toBe(false);
  expect(await stillIn(schoolPc.page)).toBe(true);
  expect(await stillIn(phone.page)).toBe(true);

  // It asks first: opening it ends nothing.
  await schoolPc.page.getByText('Se déconnecter de tous les appareils').click();
  expect(await stillIn(phone.page)).toBe(true);
  await schoolPc.page.getByRole('button', { name: 'Confirmer la déconnexion partout' }).click();
  await expect(schoolPc.page).toHaveURL(/\/login/);
  expect(await stillIn(schoolPc.page)).toBe(false);
  expect(await stillIn(phone.page)).toBe(false);
  for (const device of [laptop, schoolPc, phone]) await device.context.close();
});

test('signing in and out work without JavaScript and stay on the host the teacher used', async ({
  browser,
  baseURL,
}) => {
  // 127.0.0.1 rather than the configured localhost: the way in and out must not switch hosts
  // (a redirect to another host after a form is blocked by CSP form-action 'self').
  const other = baseURL!.replace('localhost', '127.0.0.1');
  const { context, page } = await withoutJavaScript(browser, other);
  await page.goto('/bilans?classe=abc');
  await expect(page).toHaveURL(
    new RegExp(`^${other}/login\\?callbackUrl=%2Fbilans%3Fclasse%3Dabc`),
  );
  await fill(page, TEACHER, PASSWORD);
  await expect(page).toHaveURL(`${other}/bilans?classe=abc`);
  await page.goto('/bilans');
  await expect(page).toHaveURL(`${other}/bilans`);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(`${other}/login`);
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
  await context.close();
});

test('a sign-out posted from another site is refused and ends nothing', async ({ page }) => {
  await signInAsTeacher(page);
  const forged = await page.request.post('/deconnexion', {
    headers: { origin: 'https://site-malveillant.example', 'sec-fetch-site': 'cross-site' },
    form: { portee: 'tous' },
    maxRedirects: 0,
  });
  // Refused before Next.js, as every other site's post to a page (lib/server/http-entry.ts).
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain('Ce formulaire ne vient pas d’une page du module');
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(200);
});
