import { expect, test } from '@playwright/test';
import { signIn, signInAsTeacher, TEACHER } from './helpers';

test('the health endpoint says the database answers, its schema is current, a browser is at hand', async ({
  request,
}) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: 'ok',
    database: 'ok',
    schema: 'a-jour',
    navigateur: 'ok',
  });
});

test('a signed-out visitor is sent to the sign-in page, then back where they were going', async ({
  page,
}) => {
  await page.goto('/bilans?classe=abc');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fbilans%3Fclasse%3Dabc/);
  await expect(page.getByRole('heading', { name: 'Bilans des compétences' })).toBeVisible();
  await page.getByLabel('Adresse électronique').fill(TEACHER);
  await page.getByLabel('Mot de passe').fill('bilans-demo');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL(/\/bilans\?classe=abc$/);
});

test('the teacher signs in, sees the establishment, the classes, and signs out', async ({
  page,
}) => {
  await signInAsTeacher(page);
  await expect(page.getByText('Lycée professionnel de démonstration')).toBeVisible();
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
  const classe = page.getByLabel('Classe', { exact: true });
  await expect(classe.locator('option', { hasText: '1re SN (2015-2016)' })).toHaveCount(1);
  await expect(classe.locator('option', { hasText: 'Tle SN (2015-2016)' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/bilans');
  await expect(page).toHaveURL(/\/login/);
});

test('a wrong password is refused with a message that does not say whether the account exists', async ({
  page,
}) => {
  // Its own address: these failures are counted against it, not against the shared one.
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.21' });
  await signIn(page, TEACHER, 'pas-le-bon');
  const message = page.getByRole('alert').filter({ hasText: 'incorrect' });
  await expect(message).toHaveText('Adresse électronique ou mot de passe incorrect.');
  await signIn(page, 'inconnu@lycee-demo.test', 'pas-le-bon');
  await expect(message).toHaveText('Adresse électronique ou mot de passe incorrect.');
  await page.goto('/bilans');
  await expect(page).toHaveURL(/\/login/);
});

test('the login puts the cursor in the e-mail field, and a refusal takes the focus', async ({
  page,
}) => {
  // Its own client address (the e2e server trusts loopback's X-Forwarded-For) and an e-mail
  // no account has: no other test's sign-in counters move.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.201' });
  await page.goto('/login');
  await expect(page.getByLabel('Adresse électronique')).toBeFocused();
  await page.getByLabel('Adresse électronique').fill('e2e-curseur@lycee-demo.test');
  await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page.locator('form').getByRole('alert')).toBeFocused();
});

test('a skip link is the first stop of the keyboard; status pages are titled by what happened', async ({
  page,
}) => {
  await signInAsTeacher(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#contenu')).toBeFocused();
  const missing = await page.goto('/bilans/00000000-0000-4000-8000-000000000000');
  expect(missing?.status()).toBe(404);
  await expect(page).toHaveTitle('Page introuvable — CPRO');
});
