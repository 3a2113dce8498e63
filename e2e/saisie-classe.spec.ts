// « Saisie de la classe » (/classes/<classeId>/saisie) on the production build: a team teacher
// positions pupils of Tle CIEL with digits only (the keys counted), reloads and finds them; a
// colleague changes a row meanwhile: the conflict is shown, both values, nothing lost; a
// network cut leaves rows « non enregistré », kept through a reload and saved when the network
// returns; complete drafts validated, one changed meanwhile refused by name; the grid as a
// form without JavaScript; a 390 px phone; axe clean; Tab reaches the grid once; outside the
// team 403, another school 404.
// Each test writes its own pupils of Tle CIEL: those without a draft in the demo, but neither
// the class's first (the write API's spec) nor the last four without a draft (redaction.spec).
import { axeResults } from './axe';
import type { Browser, Page } from '@playwright/test';
import { anonymousTest, expect, SIGNED_OUT, test } from './fixtures';
import { stableId } from '../drizzle/seed/random';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { DEMO_ACCOUNTS } from '../drizzle/seed/demo-ids';
import { schoolYearOf, todayInParis } from '../lib/common/dates';
import { compareApprenants } from '../lib/bilans/tri';
import { CIEL_CODES, signIn } from './helpers';
import { SAISIE_ETABLISSEMENT, saisieClasseId } from './accounts';

const TLE_CIEL = stableId('classe', `${DEMO_UAI}|Tle CIEL|${schoolYearOf(todayInParis())}`);
const SAISIE = `/classes/${TLE_CIEL}/saisie`;

const data = buildDemoData(todayInParis());
const enrolled = new Set(
  data.inscriptions
    .filter((i) => i.classeId === TLE_CIEL && !i.sortieLe)
    .map((i) => i.apprenantId as string),
);
const withDraft = new Set(
  data.bilans.filter((b) => !b.valideLe).map((b) => b.apprenantId as string),
);
const classRows = data.apprenants
  .filter((a) => enrolled.has(a.id!))
  .map((a) => ({ id: a.id!, nom: a.nom!, prenom: a.prenom! }))
  .sort(compareApprenants);
const sansBrouillon = classRows.filter((r) => !withDraft.has(r.id));
const takenElsewhere = new Set([classRows[0]!.id, ...sansBrouillon.slice(-4).map((r) => r.id)]);
/** This spec's pupils, in the grid's order. */
const reserved = sansBrouillon
  .filter((r) => !takenElsewhere.has(r.id))
  .map((r) => ({ ...r, name: `${r.nom} ${r.prenom}` }));
function pupils(from: number, count: number) {
  const chosen = reserved.slice(from, from + count);
  if (chosen.length < count) throw new Error(`Tle CIEL has too few free pupils (${from + count})`);
  return chosen;
}

async function signedIn(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  javaScriptEnabled = true,
) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    storageState: SIGNED_OUT,
  });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/bilans/);
  return page;
}

const grid = (page: Page) => page.getByRole('grid', { name: /^Positionnements de la classe / });
const row = (page: Page, id: string) => grid(page).locator(`tr[data-apprenant="${id}"]`);
const cell = (page: Page, id: string, code: string) =>
  row(page, id).locator(`td[data-code="${code}"]`);
const savedState = (page: Page, id: string) => row(page, id).locator('[data-etat-enregistrement]');

/** The row of the focused cell, as an index of the grid's rows. */
async function focusedRow(page: Page): Promise<{ id: string; index: number }> {
  return page.evaluate(() => {
    const tr = document.activeElement?.closest('tr[data-apprenant]');
    const rows = [...document.querySelectorAll('tr[data-apprenant]')];
    return { id: tr?.getAttribute('data-apprenant') ?? '', index: rows.indexOf(tr as Element) };
  });
}

/** Presses keys, counting them. */
function keyboard(page: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count++;
      await page.keyboard.press(key);
    },
    get count() {
      return count;
    },
  };
}

/** Moves the grid's cursor to `id`'s row (arrows), from wherever it is. */
async function goToRow(page: Page, keys: ReturnType<typeof keyboard>, id: string) {
  const target = await row(page, id).evaluate((tr) =>
    [...document.querySelectorAll('tr[data-apprenant]')].indexOf(tr),
  );
  let { index } = await focusedRow(page);
  while (index !== target) {
    await keys.press(index < target ? 'ArrowDown' : 'ArrowUp');
    index = (await focusedRow(page)).index;
  }
}

test('a whole class of 30 × 9 from the keyboard: 270 digits and one Tab, every row saved', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The key-count class (e2e/accounts.ts): 30 pupils without a bilan, nobody else's.
  const page = await signedIn(browser, baseURL, SAISIE_ETABLISSEMENT.enseignant);
  await page.goto(`/classes/${saisieClasseId(todayInParis())}/saisie`);
  await expect(grid(page)).toBeVisible();
  const ids = await grid(page)
    .locator('tr[data-apprenant]')
    .evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-apprenant') ?? ''));
  expect(ids).toHaveLength(SAISIE_ETABLISSEMENT.apprenants);

  // From the page's last link before the grid: one Tab in, then digits only.
  await page.getByRole('link', { name: 'Préparation PRONOTE' }).first().focus();
  const keys = keyboard(page);
  await keys.press('Tab');
  await expect(grid(page).locator(':focus')).toHaveAttribute('data-code', CIEL_CODES[0]!);
  const digits = ['1', '2', '3', '4', '0'];
  for (let p = 0; p < ids.length; p++) {
    for (let c = 0; c < CIEL_CODES.length; c++) await keys.press(digits[(p + c) % 5]!);
  }
  expect(keys.count).toBe(1 + 30 * 9);
  expect(keys.count).toBeLessThanOrEqual(300);

  for (const id of ids) {
    await expect(savedState(page, id)).toHaveText(/enregistré à \d\d:\d\d/, { timeout: 30_000 });
  }
  await page.reload();
  for (const [p, id] of ids.entries()) {
    await expect(row(page, id)).toContainText('brouillon 9/9');
    const expected = ['−', '−+', '+', '++', 'NE'][(p + 8) % 5]!;
    await expect(cell(page, id, CIEL_CODES[8]!)).toContainText(expected);
  }
  await page.context().close();
});

test('a team teacher positions five pupils with digits only; reload; a colleague’s change is a conflict, nothing lost', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const five = pupils(0, 5);
  await page.goto(`/bilans?classe=${TLE_CIEL}`);
  await page.getByRole('link', { name: 'Saisie des bilans' }).click();
  await expect(page).toHaveURL(SAISIE);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Saisie des bilans — Tle CIEL',
  );
  await expect(grid(page)).toBeVisible();

  // Tab reaches the grid once: from the link before it, one Tab in, one Tab out.
  await page.getByRole('link', { name: 'Préparation PRONOTE' }).first().focus();
  const keys = keyboard(page);
  await keys.press('Tab');
  await expect(grid(page).locator(':focus')).toHaveCount(1);
  await expect(grid(page).locator(':focus')).toHaveAttribute('role', 'gridcell');
  await page.keyboard.press('Tab');
  await expect(grid(page).locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(grid(page).locator(':focus')).toHaveAttribute('role', 'gridcell');

  const levels = ['1', '2', '3', '4', '0', '3', '3', '2', 'N'];
  const symbols = ['−', '−+', '+', '++', 'NE', '+', '+', '−+', 'NE'];
  for (const pupil of five) {
    await goToRow(page, keys, pupil.id);
    // At the row's first competence.
    let column = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    while (column !== CIEL_CODES[0]) {
      await keys.press('ArrowLeft');
      column = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    }
    for (const key of levels) await keys.press(key);
    // The last level typed moved the cursor to the next pupil's first cell.
    expect((await focusedRow(page)).id).not.toBe(pupil.id);
  }
  // 9 digits per pupil: a whole class of 30 × 9 needs 270 of them and one Tab, as rows follow
  // each other (the cursor goes on by itself); here the arrows between chosen pupils are extra.
  const digits = five.length * levels.length;
  expect(keys.count - digits).toBeLessThanOrEqual(30);
  for (const pupil of five) {
    await expect(savedState(page, pupil.id)).toHaveText(/enregistré à \d\d:\d\d/, {
      timeout: 15_000,
    });
  }
  // Typed levels are announced.
  await expect(page.locator('[aria-live="polite"][aria-atomic="true"]')).toContainText(/^C11 : NE/);

  await page.reload();
  for (const pupil of five) {
    await expect(row(page, pupil.id)).toContainText('brouillon 9/9');
    for (const [i, code] of CIEL_CODES.entries()) {
      await expect(cell(page, pupil.id, code)).toContainText(symbols[i]!);
    }
  }

  // LAMBERT Julien, of the team, changes C01 of the first pupil meanwhile.
  const first = five[0]!;
  const julien = await signedIn(browser, baseURL, DEMO_ACCOUNTS.enseignant2);
  await julien.goto(SAISIE);
  await cell(julien, first.id, 'C01').click();
  await julien.keyboard.press('4');
  await julien.keyboard.press('ArrowDown');
  await expect(savedState(julien, first.id)).toHaveText(/enregistré à/);

  // Sophie, on her page still at the earlier version, types over it: nothing overwritten.
  await cell(page, first.id, 'C01').click();
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowDown');
  await expect(savedState(page, first.id)).toHaveText('· non enregistré : modifié par ailleurs');
  await expect(cell(page, first.id, 'C01')).toContainText('−+');
  await expect(cell(page, first.id, 'C01')).toContainText('leur : ++');
  const problem = page.locator(`[data-a-revoir="${first.id}"]`);
  await expect(problem).toContainText('modifié par Julien LAMBERT');
  // Reloaded meanwhile: still in conflict, what was typed kept.
  await page.reload();
  await expect(cell(page, first.id, 'C01')).toContainText('−+');
  await expect(cell(page, first.id, 'C01')).toContainText('leur : ++');
  await page.getByRole('button', { name: `Garder mes niveaux pour ${first.name}` }).click();
  await expect(savedState(page, first.id)).toHaveText(/enregistré à/);
  await julien.reload();
  await expect(cell(julien, first.id, 'C01')).toContainText('−+');
  await julien.context().close();

  // « Préparation PRONOTE » follows the drafts: progress, who wrote last, a link to write.
  await page.goto(`/classes/${TLE_CIEL}/pronote`);
  await expect(page.getByText(/La période se termine le \d\d\/\d\d\/\d{4}\./)).toBeVisible();
  const second = five[1]!;
  // In the current period's section (an ended period may be shown above it).
  const line = page
    .getByRole('region', { name: /— en cours, clôture PRONOTE le/ })
    .getByRole('row', { name: new RegExp(`^${second.name} `) });
  await expect(line).toContainText(
    /9\/9 positionnées · sans constats ni conseils · Sophie LEFÈVRE, le \d\d\/\d\d\/\d{4} à \d\d:\d\d/,
  );
  await line.getByRole('link', { name: `Reprendre le brouillon de ${second.name}` }).click();
  await expect(page).toHaveURL(`/bilans/${second.id}/rediger`);
  await page.goto(`/classes/${TLE_CIEL}/pronote`);
  await page.getByRole('link', { name: 'Saisie des bilans' }).click();
  await expect(page).toHaveURL(SAISIE);
});

test('a network cut while typing: « non enregistré », kept through a reload, saved when it returns', async ({
  page,
  browser,
  baseURL,
}) => {
  const [pupil] = pupils(5, 1);
  await page.goto(SAISIE);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.route('**/saisie/ligne', (route) => route.abort('internetdisconnected'));
  await cell(page, pupil!.id, 'C01').click();
  for (const key of ['3', '3', '3']) await page.keyboard.press(key);
  await page.keyboard.press('ArrowDown');
  await expect(savedState(page, pupil!.id)).toContainText('non enregistré : connexion perdue');
  await expect(page.locator(`[data-a-revoir="${pupil!.id}"]`)).toBeVisible();
  // Leaving asks first.
  const asked = page.waitForEvent('dialog');
  await page.reload();
  expect((await asked).type()).toBe('beforeunload');
  // After the reload, still without network: what was typed is back.
  for (const code of CIEL_CODES.slice(0, 3)) {
    await expect(cell(page, pupil!.id, code)).toContainText('+');
  }
  await page.unroute('**/saisie/ligne');
  await expect(savedState(page, pupil!.id)).toHaveText(/enregistré à/, { timeout: 15_000 });
  // The server has it: a colleague sees it.
  const julien = await signedIn(browser, baseURL, DEMO_ACCOUNTS.enseignant2);
  await julien.goto(SAISIE);
  await expect(row(julien, pupil!.id)).toContainText('brouillon 3/9');
  await julien.context().close();
});

test('complete drafts validated after a confirmation; one changed meanwhile refused by name', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const two = pupils(6, 2);
  await page.goto(SAISIE);
  for (const pupil of two) {
    await cell(page, pupil.id, 'C01').click();
    for (let i = 0; i < CIEL_CODES.length; i++) await page.keyboard.press('3');
    await expect(savedState(page, pupil.id)).toHaveText(/enregistré à/);
  }
  // Constats in « Rédiger un bilan »: Entrée on the name.
  for (const pupil of two) {
    await page.goto(SAISIE);
    await cell(page, pupil.id, 'C01').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/bilans/${pupil.id}/rediger`);
    await page
      .getByLabel('Constats', { exact: true })
      .fill(`Saisi dans la grille : ${pupil.name}.`);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Brouillon enregistré/);
  }
  await page.goto(SAISIE);
  const validation = page.getByRole('form', { name: 'Valider des bilans' });
  // Only ours (the demo's other complete drafts belong to other tests).
  for (const box of await validation.getByRole('checkbox').all()) {
    const name = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent);
    if (!two.some((p) => p.name === name)) await box.uncheck();
  }
  await validation.getByRole('button', { name: 'Valider…' }).click();
  await expect(validation.getByRole('status')).toHaveText(
    '2 bilans seront validés et ne pourront plus être modifiés.',
  );
  for (const pupil of two) await expect(validation).toContainText(pupil.name);
  // Meanwhile Julien changes the second one.
  const julien = await signedIn(browser, baseURL, DEMO_ACCOUNTS.enseignant2);
  await julien.goto(SAISIE);
  await cell(julien, two[1]!.id, 'C11').click();
  await julien.keyboard.press('1');
  await julien.keyboard.press('ArrowUp');
  await expect(savedState(julien, two[1]!.id)).toHaveText(/enregistré à/);
  await julien.context().close();

  await validation.getByRole('button', { name: 'Confirmer la validation' }).click();
  await expect(validation.getByRole('alert')).toHaveText(
    '1 bilan validé. 1 bilan n’a pas été validé : voyez la raison à côté de chaque nom.',
  );
  await expect(validation).toContainText(
    `${two[1]!.name} : Ce brouillon a été modifié par Julien LAMBERT`,
  );
  await expect(row(page, two[0]!.id)).toContainText('validé');
  await expect(cell(page, two[0]!.id, 'C01')).toHaveAttribute('aria-readonly', 'true');
  await expect(row(page, two[1]!.id)).toContainText('brouillon 9/9');
});

anonymousTest(
  'without JavaScript: the grid as a form of selects, one « Enregistrer »',
  async ({ browser, baseURL }) => {
    const [pupil] = pupils(8, 1);
    const page = await signedIn(browser, baseURL, DEMO_ACCOUNTS.enseignant, false);
    await page.goto(SAISIE);
    const form = page.getByRole('form', { name: 'Saisie des positionnements' });
    const group = form.getByRole('group', { name: new RegExp(`^${pupil!.name} `) });
    for (const code of CIEL_CODES) {
      await group.getByLabel(new RegExp(`^${code} — `)).selectOption('-+');
    }
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form.getByRole('status')).toHaveText(/^1 ligne enregistrée à \d\d:\d\d\.$/);
    await page.goto(SAISIE);
    const again = page
      .getByRole('form', { name: 'Saisie des positionnements' })
      .getByRole('group', { name: new RegExp(`^${pupil!.name} `) });
    await expect(again).toContainText('brouillon 9/9');
    await expect(again.getByLabel(/^C11 — /)).toHaveValue('-+');
    await page.context().close();
  },
);

test('on a desktop and a 390 px phone: axe clean, nothing sideways; the phone shows one pupil', async ({
  page,
}) => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(SAISIE);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await axeResults(page);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    if (viewport.width === 390) {
      await expect(grid(page)).toBeHidden();
      await expect(page.getByLabel(/^Élève \(1 sur \d+\)$/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Élève suivant' })).toBeVisible();
      await expect(page.getByLabel(/^C01 — /)).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
    }
  }
});

test('outside the team: no link and the 403 page; another school: 404', async ({
  page,
  neighbourPage,
  browser,
  baseURL,
}) => {
  const camille = await signedIn(browser, baseURL, DEMO_ACCOUNTS.remplacant);
  await camille.goto(`/bilans?classe=${TLE_CIEL}`);
  await expect(
    camille.getByRole('link', { name: 'Préparation PRONOTE', exact: true }),
  ).toBeVisible();
  await expect(camille.getByRole('link', { name: 'Saisie des bilans' })).toHaveCount(0);
  expect((await camille.goto(SAISIE))?.status()).toBe(403);
  await expect(camille.getByRole('heading', { level: 1 })).toHaveText(
    'Réservé à l’équipe pédagogique de la classe',
  );
  const post = await camille.request.post(`${SAISIE}/ligne`, {
    data: { apprenantId: reserved[0]!.id, source: '', version: 0, niveaux: { C01: '+' } },
  });
  expect(post.status()).toBe(403);
  await camille.context().close();
  expect((await neighbourPage.goto(SAISIE))?.status()).toBe(404);
  expect((await page.goto('/classes/pas-un-id/saisie'))?.status()).toBe(404);
  const malformed = await page.request.post(`${SAISIE}/ligne`, {
    headers: { Accept: 'application/json' },
    data: { apprenantId: reserved[0]!.id, source: '', version: 0, niveaux: { C01: 'A+' } },
  });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { message: string }).message).toMatch(/^Ligne illisible/);
});
