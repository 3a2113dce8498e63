import { axeResults } from './axe';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { ARCHIVE_CLASS, openPupil } from './helpers';
import { AUTH_STATES, SIGNED_OUT } from './fixtures';

const EMPTY = "Aucun bilan n'est actuellement disponible pour cet apprenant.";

const rows = (page: Page) => page.locator('table.competences tbody tr');
const dateColumns = (page: Page) => page.locator('table.competences thead th.date');
const radar = (page: Page) => page.getByRole('img', { name: /^Diagramme radar/ });

test('selecting a class fills the pupil list, in order', async ({ page }) => {
  await page.goto('/bilans');
  const classe = page.getByLabel('Classe', { exact: true });
  const options = await classe.locator('option').allTextContents();
  const years = options
    .filter((o) => /\(\d{4}-\d{4}\)/.test(o))
    .map((o) => o.match(/\((\d{4})/)?.[1] ?? '');
  expect(years).toEqual([...years].sort().reverse());
  await classe.selectOption({ label: ARCHIVE_CLASS });
  await expect(page).toHaveURL(/\/bilans\?classe=[0-9a-f-]{36}$/);
  const pupils = page.getByLabel('Apprenant', { exact: true }).locator('option');
  await expect(pupils.filter({ hasText: 'HUBERT Angie' })).toHaveCount(1);
  const names = (await pupils.allTextContents()).filter((n) => !n.startsWith('—'));
  expect(names.length).toBeGreaterThanOrEqual(12);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
});

test('the arrows step through the class and stop at both ends', async ({ page }) => {
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: ARCHIVE_CLASS });
  // The pupil list is the new page's: wait for the navigation before reading it.
  await expect(page).toHaveURL(/\/bilans\?classe=/);
  await expect(page.getByLabel('Apprenant', { exact: true }).locator('option')).not.toHaveCount(1);
  const names = (
    await page.getByLabel('Apprenant', { exact: true }).locator('option').allTextContents()
  ).filter((n) => !n.startsWith('—'));
  await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: names[0]! });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names[0]}`);
  const previous = page.getByRole('button', { name: 'Apprenant précédent', exact: true });
  const next = page.getByRole('button', { name: 'Apprenant suivant', exact: true });
  await expect(previous).toBeDisabled();
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names[1]}`);
  await expect(page.getByLabel('Apprenant', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await previous.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names[0]}`);
  await page
    .getByLabel('Apprenant', { exact: true })
    .selectOption({ label: names[names.length - 1]! });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Bilan de ${names[names.length - 1]}`,
  );
  await expect(next).toBeDisabled();
  await expect(previous).toBeEnabled();
});

test('HUBERT Angie: both dates, constats and conseils, 21 competences, columns and radar', async ({
  page,
}) => {
  await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  const banner = page.getByRole('navigation', { name: 'Dates des bilans' });
  // Each date says its term.
  await expect(banner.getByRole('link')).toHaveText(['27/05/2016 · T3', '16/06/2016 · T3']);
  await expect(banner.getByRole('link', { name: '16/06/2016' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText("Constats sur le niveau de l'élève.")).toBeVisible();
  await expect(page.getByText("Conseils pour aider l'élève à progresser.")).toBeVisible();
  // A 2016 archive: PRONOTE reads the current period only, whatever was validated then.
  await expect(
    page.getByText(
      'Période close ou à venir : PRONOTE ne lit que les bilans des périodes non closes.',
    ),
  ).toBeVisible();
  await expect(page.getByText('pas encore lu par PRONOTE')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(21);
  await expect(rows(page).first()).toContainText('C1-1');
  await expect(rows(page).nth(7)).toContainText('C4-2 = C2-1');
  await expect(dateColumns(page)).toHaveText(['27/05/2016T3', '16/06/2016T3']);
  await expect(radar(page)).toBeVisible();
  await expect(radar(page).locator('svg')).toHaveCount(1);
  await expect(page.getByText('Légende des positionnements')).toBeVisible();

  await banner.getByRole('link', { name: '27/05/2016' }).click();
  await expect(banner.getByRole('link', { name: '27/05/2016' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(dateColumns(page)).toHaveText(['27/05/2016T3']);
  await expect(rows(page)).toHaveCount(21);
  await expect(radar(page)).toHaveAccessibleName(
    /^Diagramme radar : positionnements du 27\/05\/2016$/,
  );
});

test('the radar and the table are in the server HTML, which is never cached', async ({ page }) => {
  const path = await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  const cacheControl = response.headers()['cache-control'] ?? '';
  expect(cacheControl).toContain('private');
  expect(cacheControl).toContain('no-store');
  const html = await response.text();
  expect(html).toContain('aria-label="Diagramme radar');
  expect(html).toMatch(/<svg[^>]*width="560"/);
  expect(html).toContain('Compétence non évaluée');
});

test('a pupil with one bilan has no radar; a pupil with none shows the empty sentence', async ({
  page,
}) => {
  await openPupil(page, ARCHIVE_CLASS, 'MARTIN Zoé');
  await expect(dateColumns(page)).toHaveCount(1);
  await expect(radar(page)).toHaveCount(0);
  await openPupil(page, ARCHIVE_CLASS, "N'GUESSAN Aïcha");
  await expect(page.getByText(EMPTY, { exact: true })).toBeVisible();
  await expect(page.locator('table.competences')).toHaveCount(0);
});

test('a shared URL shows the same bilan to a colleague in a fresh browser', async ({
  page,
  browser,
}) => {
  await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  await page
    .getByRole('navigation', { name: 'Dates des bilans' })
    .getByRole('link', { name: '27/05/2016' })
    .click();
  await expect(page).toHaveURL(/\/bilans\/[0-9a-f-]{36}\/[0-9a-f-]{36}(\?classe=[0-9a-f-]{36})?$/);
  const shared = new URL(page.url()).pathname;
  const firstTable = await page.locator('table.competences').innerText();

  const colleague = await browser.newContext({ storageState: SIGNED_OUT });
  const other = await colleague.newPage();
  await other.goto(shared);
  await expect(other).toHaveURL(/\/login\?callbackUrl=/);
  await other.getByLabel('Adresse électronique').fill('enseignant@lycee-demo.test');
  await other.getByLabel('Mot de passe').fill('bilans-demo');
  await other.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(other).toHaveURL(new RegExp(`${shared}$`));
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
  expect(await other.locator('table.competences').innerText()).toBe(firstTable);
  await colleague.close();
});

test("another establishment's teacher and malformed ids get a French 404 without data", async ({
  page,
  neighbourPage: voisin,
}) => {
  const path = await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  await page
    .getByRole('navigation', { name: 'Dates des bilans' })
    .getByRole('link', { name: '27/05/2016' })
    .click();
  await expect(page).toHaveURL(/\/bilans\/[0-9a-f-]{36}\/[0-9a-f-]{36}(\?classe=[0-9a-f-]{36})?$/);
  const bilanPath = new URL(page.url()).pathname;
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: ARCHIVE_CLASS });
  await expect(page).toHaveURL(/\?classe=/);
  const classeUrl = new URL(page.url());

  for (const url of [path, bilanPath, classeUrl.pathname + classeUrl.search]) {
    const response = await voisin.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(voisin.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    const body = await voisin.content();
    expect(body).not.toContain('HUBERT');
    expect(body).not.toContain('Angie');
  }

  for (const url of [
    '/bilans/pas-un-id',
    '/bilans/00000000-0000-4000-8000-000000000000',
    `${path}/pas-un-id`,
    `${path}/00000000-0000-4000-8000-000000000000`,
    '/bilans?classe=%27%20or%201%3D1',
    '/bilans?classe=00000000-0000-4000-8000-000000000000',
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  }
});

test('without JavaScript, an unknown or malformed id is the French 404 in the HTML itself', async ({
  browser,
  page,
}) => {
  // Next.js answers notFound() with an empty shell drawn by JavaScript (vercel/next.js#98954);
  // our server puts its own 404 page in it as <noscript> (lib/server/not-found-shell.ts).
  for (const [state, home, urls] of [
    [
      AUTH_STATES.teacher.file,
      'Retour aux bilans des compétences',
      [
        '/bilans/pas-un-id',
        '/bilans/00000000-0000-4000-8000-000000000000',
        '/classes/pas-un-id/saisie',
        '/classes/00000000-0000-4000-8000-000000000000/synthese',
      ],
    ],
    [AUTH_STATES.admin.file, 'Retour à l’administration', ['/administration/siecle/pas-un-id']],
  ] as const) {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
    const page = await context.newPage();
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), url).toHaveText('Page introuvable');
      // (Playwright's text engine skips <noscript>: the paragraph is read through <main>.)
      await expect(page.getByRole('main'), url).toContainText('Cette page n’existe pas');
      await expect(page.getByRole('link', { name: home }), url).toBeVisible();
    }
    await context.close();
  }
  // With JavaScript, the module's own 404 inside its layout, as before: axe clean, every rule.
  expect((await page.goto('/bilans/pas-un-id'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('button', { name: 'Se déconnecter', exact: true })).toBeVisible();
  const axe = await axeResults(page);
  expect(axe.violations).toEqual([]);
});

test('the selection works without JavaScript', async ({ browser }) => {
  // The teacher's session, in a browser without JavaScript.
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: AUTH_STATES.teacher.file,
  });
  const page = await context.newPage();

  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: ARCHIVE_CLASS });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(
    page.getByLabel('Apprenant', { exact: true }).locator('option', { hasText: 'HUBERT Angie' }),
  ).toHaveCount(1);
  await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: 'HUBERT Angie' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
  await page.getByRole('button', { name: 'Apprenant suivant', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Bilan de HUBERT Angie');
  await context.close();
});

test('the keyboard reaches the selection, the dates and the pages', async ({ page }) => {
  await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  await page.getByLabel('Classe', { exact: true }).focus();
  const apprenant = page.getByLabel('Apprenant', { exact: true });
  for (
    let i = 0;
    i < 12 && !(await apprenant.evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(apprenant).toBeFocused();
  // WCAG 3.2.2: browsing the closed list with the arrows loads nothing; Enter confirms.
  // No request may leave while the arrow is handled (its events fire before the next frames).
  const requested: string[] = [];
  const record = (request: { url(): string }) => requested.push(request.url());
  page.on('request', record);
  await page.keyboard.press('ArrowDown');
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  page.off('request', record);
  expect(requested).toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de HUBERT Angie');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Bilan de HUBERT Angie');
  // The focus is on the new bilan's heading, not back at the top of the document.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  const firstDate = page
    .getByRole('navigation', { name: 'Dates des bilans' })
    .getByRole('link', { name: '27/05/2016' });
  await firstDate.focus();
  await page.keyboard.press('Enter');
  await expect(firstDate).toHaveAttribute('aria-current', 'page');
});

test('stepping through a class with the keyboard is one Enter per pupil: the arrow keeps the focus', async ({
  page,
}) => {
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: ARCHIVE_CLASS });
  const list = page.getByRole('list', { name: 'Apprenants de la classe' }).getByRole('link');
  await expect(list).toHaveCount(18);
  const names = (await list.allTextContents()).map((n) => n.trim());
  await openPupil(page, ARCHIVE_CLASS, names[0]!);
  const next = page.getByRole('button', { name: 'Apprenant suivant', exact: true });
  await next.focus();
  for (const name of names.slice(1, -1)) {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${name}`);
    await expect(next).toBeFocused();
  }
  // The last pupil: the arrow is disabled, the focus goes to the heading.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names.at(-1)}`);
  await expect(next).toBeDisabled();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('axe finds no serious or critical accessibility violation', async ({ page }) => {
  for (const target of ['HUBERT Angie', "N'GUESSAN Aïcha"]) {
    await openPupil(page, ARCHIVE_CLASS, target);
    const results = await axeResults(page);
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await page.goto('/bilans');
  const home = await axeResults(page);
  expect(home.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
});
