// Sign-in through the school's ENT by OpenID Connect, against a real OpenID provider
// (e2e/ent/oidc-provider.ts): the provider's own sign-in and consent pages, then CPRO as
// the linked teacher; an identity no account matches gets the French 403 page and no
// session; a tampered `state` is refused.
import { expect, test, type Page } from '@playwright/test';

/** The provider's development pages: any login, then consent when it asks. */
async function answerProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('peu-importe');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

async function signInThroughEnt(page: Page, login: string, from = '/login') {
  await page.goto(from);
  await page.getByRole('button', { name: 'Se connecter avec MonLycée.net (test)' }).click();
  await answerProvider(page, login);
}

test('a teacher signs in through the ENT and lands where they were going, as themselves', async ({
  page,
}) => {
  await page.goto('/bilans?classe=abc');
  await signInThroughEnt(page, 'ent-sophie', page.url());
  await expect(page).toHaveURL(/\/bilans\?classe=abc$/);
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
  // Signed out of CPRO like any session.
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
});

test('an ENT identity no account matches gets the French 403 page, and no session', async ({
  page,
}) => {
  for (const login of ['ent-inconnu-42', 'ent-sophie-non-verifiee', 'ent-sophie-espaces']) {
    await page.context().clearCookies();
    await signInThroughEnt(page, login);
    await expect(
      page.getByText('Aucun compte enseignant de CPRO ne correspond à cette identité ENT.'),
    ).toBeVisible();
    await expect(page.getByText(login)).toBeVisible();
    const response = await page.request.get(page.url());
    expect(response.status()).toBe(403);
    expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
  }
});

test('a second ENT identity for an account already linked is refused, and no session', async ({
  page,
}) => {
  // The first identity links Sophie's account (her verified address, read from UserInfo).
  await signInThroughEnt(page, 'ent-sophie');
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await page.context().clearCookies();
  // Another identity vouching for the same address is not linked to it.
  await signInThroughEnt(page, 'ent-sophie-bis');
  await expect(page.getByRole('heading', { name: 'Compte déjà lié' })).toBeVisible();
  await expect(page.getByText('ent-sophie-bis')).toBeVisible();
  expect((await page.request.get(page.url())).status()).toBe(403);
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
  // The first identity still opens the account.
  await page.context().clearCookies();
  await signInThroughEnt(page, 'ent-sophie');
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
});

test('a deactivated account linked to an ENT identity is refused, and no session', async ({
  page,
}) => {
  await signInThroughEnt(page, 'ent-marc-durand');
  await expect(page.getByRole('heading', { name: 'Compte désactivé' })).toBeVisible();
  await expect(page.getByText('ent-marc-durand')).toBeVisible();
  expect((await page.request.get(page.url())).status()).toBe(403);
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
});

test('a staff account linked through the ENT gets the same 403 as with a password', async ({
  page,
}) => {
  await signInThroughEnt(page, 'ent-vie-scolaire');
  await page.goto('/bilans');
  await expect(page.getByRole('heading', { name: 'Accès réservé aux enseignants' })).toBeVisible();
});

test('a tampered state is refused: no session', async ({ page }) => {
  await page.goto('/login');
  // The authorization request next-auth makes (its state, nonce and PKCE cookies are set).
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const start = await page.request.post('/api/auth/signin/ent', {
    form: { csrfToken: csrf.csrfToken, callbackUrl: '/bilans' },
    maxRedirects: 0,
  });
  const url = new URL(start.headers().location!);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('nonce')).toBeTruthy();
  url.searchParams.set('state', 'falsifie');
  await page.goto(url.toString());
  await answerProvider(page, 'ent-sophie');
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
});
