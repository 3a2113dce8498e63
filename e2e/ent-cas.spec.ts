// Sign-in through the school's ENT by CAS 3.0, against the CAS server of e2e/ent/cas-server.ts:
// its sign-in page, then CPRO as the linked teacher. Refused: a ticket replayed (from the
// history, or in another browser), a ticket issued for another service, an identity no
// account matches, a deactivated account.
import { expect, test, type Page } from '@playwright/test';
import { CAS_URL } from './ent/cas-server';

const CAS_BUTTON = 'Se connecter avec Skolengo (CAS de test)';
const REFUSED = "L'ENT n'a pas confirmé votre connexion";

/** From /login (or the page given) to the CAS sign-in form, then back with a ticket. */
async function signInThroughCas(page: Page, user: string, from = '/login') {
  await page.goto(from);
  await page.getByRole('button', { name: CAS_BUTTON, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${CAS_URL}/login\\?service=`));
  await page.getByLabel('Identifiant').fill(user);
  const back = page.waitForRequest((request) => /\/login\/cas\?.*ticket=ST-/.test(request.url()));
  await page.getByRole('button', { name: 'Se connecter au CAS' }).click();
  return (await back).url();
}

async function expectSignedOut(page: Page) {
  expect((await page.request.get('/bilans', { maxRedirects: 0 })).status()).toBe(307);
}

test('a teacher signs in through CAS and lands where they were going, as themselves', async ({
  page,
}) => {
  await page.goto('/bilans?classe=abc');
  const returnUrl = await signInThroughCas(page, 'sophie.lefevre', page.url());
  // The service URL the ENT was given is on NEXTAUTH_URL, with a random `etat`.
  expect(new URL(returnUrl).searchParams.get('etat')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  await expect(page).toHaveURL(/\/bilans\?classe=abc$/);
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  // The return URL replayed from the history: the ticket is spent, the `etat` too.
  await page.goto(returnUrl);
  await expect(page).toHaveURL(/\/login\?error=CasRefuse/);
  await expect(page.getByRole('alert').filter({ hasText: REFUSED })).toBeVisible();
  await expectSignedOut(page);
});

test('a ticket replayed in another browser is refused', async ({ page, browser }) => {
  const returnUrl = await signInThroughCas(page, 'sophie.lefevre');
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
  const other = await browser.newContext();
  const thief = await other.newPage();
  await thief.goto(returnUrl);
  await expect(thief).toHaveURL(/\/login\?error=CasRefuse/);
  await expectSignedOut(thief);
  await other.close();
});

test('a spent ticket is refused by the ENT even with its own etat put back', async ({
  page,
  context,
}) => {
  const returnUrl = await signInThroughCas(page, 'sophie.lefevre');
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  // The browser's state cookie as it was: only the ENT's single use of tickets is left.
  const etat = new URL(returnUrl).searchParams.get('etat') ?? '';
  await context.addCookies([{ name: 'cpro-cas-etat', value: etat, url: returnUrl }]);
  await page.goto(returnUrl);
  await expect(page).toHaveURL(/\/login\?error=CasRefuse/);
  await expectSignedOut(page);
});

test("a ticket the ENT issued for another service is refused, even with this browser's etat", async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('button', { name: CAS_BUTTON, exact: true }).click();
  const service = new URL(page.url()).searchParams.get('service') ?? '';
  const etat = new URL(service).searchParams.get('etat');
  expect(etat).toBeTruthy();
  // The same teacher, signed in to another application of the ENT.
  const issued = await page.request.post(`${CAS_URL}/login`, {
    form: { service: 'http://autre-application.test/connexion', username: 'sophie.lefevre' },
    maxRedirects: 0,
  });
  const ticket = new URL(issued.headers().location ?? '').searchParams.get('ticket');
  expect(ticket).toMatch(/^ST-/);
  await page.goto(`/login/cas?etat=${etat}&ticket=${ticket}`);
  await expect(page).toHaveURL(/\/login\?error=CasRefuse/);
  await expectSignedOut(page);
});

test('a made-up ticket, or one without etat, is refused', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: CAS_BUTTON, exact: true }).click();
  const service = new URL(page.url()).searchParams.get('service') ?? '';
  const etat = new URL(service).searchParams.get('etat');
  await page.goto(`/login/cas?etat=${etat}&ticket=ST-invente-123`);
  await expect(page).toHaveURL(/\/login\?error=CasRefuse/);
  await page.goto('/login/cas?ticket=ST-invente-456');
  await expect(page).toHaveURL(/\/login\?error=CasRefuse/);
  await expectSignedOut(page);
});

test('a CAS identity no account matches gets the French 403 page, and no session', async ({
  page,
}) => {
  await signInThroughCas(page, 'inconnu.cas');
  await expect(
    page.getByText('Aucun compte enseignant de CPRO ne correspond à cette identité ENT.'),
  ).toBeVisible();
  await expect(page.getByText('inconnu.cas')).toBeVisible();
  expect((await page.request.get(page.url())).status()).toBe(403);
  await expectSignedOut(page);
});

test('a deactivated account is refused through CAS as with a password', async ({ page }) => {
  await signInThroughCas(page, 'marc.durand');
  await expect(page.getByRole('heading', { name: 'Compte désactivé' })).toBeVisible();
  expect((await page.request.get(page.url())).status()).toBe(403);
  await expectSignedOut(page);
});

test('a staff account linked through CAS gets the same 403 as with a password', async ({
  page,
}) => {
  await signInThroughCas(page, 'patrick.moreau');
  await page.goto('/bilans');
  await expect(page.getByRole('heading', { name: 'Accès réservé aux enseignants' })).toBeVisible();
});
