// « Synthèse de la classe »: every pupil × every competence of 1re SN 2015-2016 on one screen
// and one printed landscape page, as the issue's « done when » lists it.
import { axeResults } from './axe';
import { parse as parseDisposition } from 'content-disposition';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { getDocumentProxy } from 'unpdf';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { stableId } from '../drizzle/seed/random';
import { pdfText } from './pdf-text';
import { pdfWords, pointsOf } from './pdf-layout';
import { ARCHIVE_CLASS, openPdf, openPupil } from './helpers';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '../lib/common/dates';

const SYNTHESE = `/classes/${DEMO_IDS.classe}/synthese`;
const symbols = (scope: ReturnType<Page['locator']>) =>
  scope.locator('.niveau > span[aria-hidden="true"]').allTextContents();
const row = (page: Page, name: string) =>
  page.locator('table.synthese tbody tr').filter({ has: page.getByRole('rowheader', { name }) });

/** The levels of the bilan shown on a pupil's page (its last date column). */
async function pageLevels(page: Page): Promise<string[]> {
  const rows = page.locator('table.competences tbody tr');
  const levels: string[] = [];
  for (const r of await rows.all()) {
    const last = r.locator('td.niveau-cell').last();
    levels.push((await symbols(last))[0] ?? '');
  }
  return levels;
}

test('reached from the class; HUBERT Angie shows her 16/06/2016 levels, Zoé no trend, Aïcha no bilan', async ({
  page,
}) => {
  await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  const expected = await pageLevels(page);
  expect(expected).toHaveLength(21);
  await page.getByRole('link', { name: 'Synthèse de la classe' }).click();
  await expect(page).toHaveURL(new RegExp(`${SYNTHESE}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Synthèse de la classe 1re SN (2015-2016)' }),
  ).toBeVisible();

  const angie = row(page, 'HUBERT Angie');
  await expect(angie.locator('td.bilan')).toContainText('16/06/2016');
  expect(await symbols(angie)).toEqual(expected);
  await expect(angie.getByRole('link', { name: 'HUBERT Angie' })).toHaveAttribute(
    'href',
    `/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}?classe=${DEMO_IDS.classe}`,
  );
  const zoe = row(page, 'MARTIN Zoé');
  await expect(zoe.locator('td.bilan')).toContainText('25/03/2016');
  await expect(zoe.locator('.evo')).toHaveCount(0);
  await expect(row(page, "N'GUESSAN Aïcha").locator('td.bilan')).toHaveText('aucun bilan');

  // The « Répartition » of each competence adds up to the pupils with a bilan.
  const withBilan = await page.locator('table.synthese tbody tr td.bilan:not(.aucun)').count();
  await expect(page.locator('table.synthese tfoot tr.titre')).toContainText(
    `${withBilan} élèves avec un bilan`,
  );
  const countRows = page.locator('table.synthese tfoot tr.effectifs');
  const columns = await countRows.first().locator('td').count();
  expect(columns).toBe(21);
  for (let j = 0; j < columns; j++) {
    let sum = 0;
    for (const r of await countRows.all()) sum += Number(await r.locator('td').nth(j).innerText());
    expect(sum).toBe(withBilan);
  }
  await expect(page.locator('table.synthese tfoot td.moins-acquise').first()).toContainText(
    'part la plus faible',
  );
});

test('« Au » 01/06/2016 shows HUBERT Angie as on 27/05/2016; the sort works without JavaScript', async ({
  page,
}) => {
  await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  await page.getByRole('link', { name: '27/05/2016' }).click();
  await expect(page).toHaveURL(new RegExp(DEMO_IDS.angiePremierBilan));
  const expected = await pageLevels(page);

  await page.goto(SYNTHESE);
  await page.getByLabel('Au (synthèse à une date passée)').fill('2016-06-01');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(new RegExp(`${SYNTHESE}\\?au=2016-06-01$`));
  await expect(page.getByText('situation au 01/06/2016')).toBeVisible();
  const angie = row(page, 'HUBERT Angie');
  await expect(angie.locator('td.bilan')).toContainText('27/05/2016');
  expect(await symbols(angie)).toEqual(expected);

  await page.getByRole('link', { name: /^Compétences au moins partiellement acquises/ }).click();
  await expect(page).toHaveURL(/au=2016-06-01&tri=acquis$/);
  const counts = (await page.locator('table.synthese tbody td.acquises').allTextContents())
    .filter((t) => t !== '')
    .map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  await page.goto(`${SYNTHESE}?au=pas-une-date`);
  await expect(page.getByRole('alert').filter({ hasText: "n'est pas une date" })).toBeVisible();
});

test('a teacher of another establishment gets the French 404', async ({ neighbourPage: page }) => {
  for (const path of [SYNTHESE, `${SYNTHESE}/pdf`, `${SYNTHESE}/csv`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(
      page.getByText('introuvable').or(page.getByText("n'existe pas")).first(),
    ).toBeVisible();
  }
});

test('« Imprimer la synthèse » is one landscape A4 page listing every pupil, with the legend', async ({
  page,
}) => {
  await page.goto(SYNTHESE);
  const names = (await page.locator('table.synthese tbody th.eleve').allTextContents()).map((n) =>
    n.trim(),
  );
  expect(names.length).toBe(18);
  const file = await openPdf(page, 'Imprimer la synthèse');
  const bytes = file.bytes;
  expect(file.disposition.startsWith('inline;')).toBe(true);
  expect(file.name).toMatch(/^synthese-1re-SN-2015-2016-\d{4}-\d{2}-\d{2}\.pdf$/);
  // `?telechargement=1` keeps the download, under the same name.
  const download = await page.request.get(`${new URL(file.url).pathname}?telechargement=1`);
  const attachment = parseDisposition(download.headers()['content-disposition'] ?? '');
  expect(attachment.type).toBe('attachment');
  expect(attachment.parameters.filename).toBe(file.name);
  const { text, pages } = await pdfText(bytes);
  expect(pages).toBe(1);
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const [, , width, height] = (await pdf.getPage(1)).view;
  expect(width).toBeGreaterThan(height!);
  expect(Math.round(width!)).toBe(842);
  for (const name of names) expect(text).toContain(name);
  expect(text).toContain('Compétence totalement acquise et transférable');
  expect(text).toContain('Répartition');

  // The largest archive class: 30 pupils × 21 competences, still one page.
  const tle = stableId('classe', '0999001W|Tle SN|2015-2016');
  await page.goto(`/classes/${tle}/synthese`);
  const tleNames = (await page.locator('table.synthese tbody th.eleve').allTextContents()).map(
    (n) => n.trim(),
  );
  expect(tleNames).toHaveLength(30);
  const big = await page.request.get(`/classes/${tle}/synthese/pdf?tri=acquis`);
  expect(big.status()).toBe(200);
  const bigPdf = await pdfText(await big.body());
  expect(bigPdf.pages).toBe(1);
  for (const name of tleNames) expect(bigPdf.text).toContain(name);
  // Readable on paper: nothing below 8 pt, and the 30 × 21 table fills the page.
  for (const bytes of [file.bytes, await big.body()]) {
    const words = pdfWords(bytes).filter((w) => w.text.trim() !== '');
    expect(Math.min(...words.map(pointsOf))).toBeGreaterThanOrEqual(7.95);
  }
  const bigWords = pdfWords(await big.body());
  expect(Math.max(...bigWords.map((w) => w.yMax))).toBeGreaterThan(595 * 0.85);
  // Fewer pupils (18): larger cells than for 30.
  const cellSize = (bytes: Buffer) =>
    Math.max(
      ...pdfWords(bytes)
        .filter((w) => /^(C\d-\d)$/.test(w.text))
        .map(pointsOf),
    );
  expect(cellSize(file.bytes)).toBeGreaterThan(cellSize(await big.body()) + 0.3);
});

test('Ctrl+P on the synthesis prints every pupil and the « Répartition », on a bilan page every competence', async ({
  page,
}) => {
  const tle = stableId('classe', '0999001W|Tle SN|2015-2016');
  await page.goto(`/classes/${tle}/synthese`);
  const names = (await page.locator('table.synthese tbody th.eleve').allTextContents()).map((n) =>
    n.trim(),
  );
  expect(names).toHaveLength(30);
  // What the browser's « Imprimer » gives: the page printed with its print styles, on the
  // paper its CSS asks for (A4 landscape), nothing below 8 pt.
  await page.emulateMedia({ media: 'print' });
  const ctrlP = await page.pdf({ preferCSSPageSize: true });
  const ctrlPWords = pdfWords(ctrlP).filter((w) => w.text.trim() !== '');
  expect(ctrlPWords[0]!.pageWidth).toBeGreaterThan(ctrlPWords[0]!.pageHeight);
  expect(Math.min(...ctrlPWords.map(pointsOf))).toBeGreaterThanOrEqual(7.95);
  const printed = (await pdfText(ctrlP)).text;
  for (const name of names) expect(printed, name).toContain(name);
  expect(printed).toContain('Répartition');
  expect(printed).toContain('Au moins partiellement acquise (« + » ou « ++ ») parmi les évalués');

  await page.emulateMedia({ media: 'screen' });
  await openPupil(page, 'Tle SN (2015-2016)', 'ABADIE Arthur');
  const codes = (await page.locator('table.competences tbody th b').allTextContents()).map((c) =>
    c.trim(),
  );
  expect(codes.length).toBe(21);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.emulateMedia({ media: 'print' });
  const bilan = (await pdfText(await page.pdf({ format: 'A4' }))).text;
  for (const code of codes) expect(bilan, code).toContain(code);
});

test('at 1280 × 800 the page scrolls, not a box: the header row stays in view; labels close with Escape', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const tle = stableId('classe', '0999001W|Tle SN|2015-2016');
  await page.goto(`/classes/${tle}/synthese`);
  const sizes = await page.evaluate(() => {
    const box = document.querySelector('.synthese-scroll')!;
    return {
      page: document.documentElement.scrollWidth,
      boxScroll: box.scrollHeight,
      boxClient: box.clientHeight,
    };
  });
  expect(sizes.page).toBeLessThanOrEqual(1280);
  expect(sizes.boxScroll).toBe(sizes.boxClient);
  // Scrolled down to the last pupil: every pupil was reachable and the header row is on top.
  const last = page.locator('table.synthese tbody th.eleve').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  const header = await page.locator('table.synthese thead th.eleve').boundingBox();
  expect(header!.y).toBeGreaterThanOrEqual(-1);
  expect(header!.y).toBeLessThan(5);

  // A label shows on hover and closes with Escape; the headers add no Tab stop. (Hidden, it
  // stays a 1 px box for screen readers: its width says whether it shows.)
  expect(await page.locator('table.synthese [tabindex]').count()).toBe(0);
  const headers = page.locator('table.synthese thead th.competence');
  const shownWidth = (n: number) =>
    headers
      .nth(n)
      .locator('.infobulle')
      .evaluate((el) => el.getBoundingClientRect().width);
  expect(await shownWidth(0)).toBeLessThanOrEqual(1);
  await headers.first().hover();
  await expect.poll(() => shownWidth(0)).toBeGreaterThan(100);
  await page.keyboard.press('Escape');
  await expect.poll(() => shownWidth(0)).toBeLessThanOrEqual(1);
  await headers.nth(1).hover();
  await expect.poll(() => shownWidth(1)).toBeGreaterThan(100);
});

test('« Exporter (CSV) » gives the table to a spreadsheet, formula-safe', async ({ page }) => {
  const response = await page.request.get(`${SYNTHESE}/csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const text = await response.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('HUBERT Angie;16/06/2016;oui;');
  expect(text).toContain("N'GUESSAN Aïcha;aucun bilan");
});

test('no axe violation; the page never scrolls sideways at 390 px, the table scrolls in its box', async ({
  page,
}) => {
  await page.goto(SYNTHESE);
  const results = await axeResults(page);
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(SYNTHESE);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    box: document.querySelector('.synthese-scroll')!.scrollWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(390);
  expect(widths.box).toBeGreaterThan(390);
  // A competence's label is read with its code.
  await expect(page.locator('table.synthese thead th.competence').first()).toHaveAccessibleName(
    /^C\S+ .{10,}/,
  );
});

test('a pupil whose latest bilan is of last year: flagged « année précédente », not counted', async ({
  page,
}) => {
  const today = todayInParis();
  const year = schoolYearOf(today);
  const classeId = stableId('classe', `${DEMO_UAI}|1re CIEL|${year}`);
  // The demo's 1re CIEL pupils whose latest bilan is of last year (no test writes 1re CIEL).
  const data = buildDemoData(today);
  const enrolled = data.inscriptions
    .filter((i) => i.classeId === classeId && !i.sortieLe)
    .map((i) => i.apprenantId as string);
  const lastYear = data.apprenants.filter((a) => {
    if (!enrolled.includes(a.id!)) return false;
    const dates = data.bilans.filter((b) => b.apprenantId === a.id).map((b) => String(b.date));
    const last = dates.sort().at(-1);
    return last !== undefined && schoolYearOf(last) < year;
  });
  expect(lastYear.length).toBeGreaterThan(0);
  await page.goto(`/classes/${classeId}/synthese`);
  for (const a of lastYear) {
    const line = row(page, `${a.nom} ${a.prenom}`);
    await expect(line.locator('td.bilan')).toContainText('année précédente');
    await expect(line.locator('td.acquises')).toHaveText('—');
  }
  // The counts: this year's bilans only.
  const withThisYear =
    enrolled.length - lastYear.length - (await page.locator('td.bilan.aucun').count());
  const countRows = page.locator('table.synthese tfoot tr.effectifs');
  let sum = 0;
  for (const r of await countRows.all()) sum += Number(await r.locator('td').first().innerText());
  expect(sum).toBe(withThisYear);
});
