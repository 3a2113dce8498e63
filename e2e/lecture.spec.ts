// Pages a teacher can trust and hand out (issue #19, the parts done): titles that name what is
// shown, the class list grouped by school year, no « Évolution » column on a first bilan, the
// marks of the bilan, an honest radar with its text alternative, focus after a choice, no
// sideways scroll on a phone, a favicon, and axe on every kind of page.
import { axeResults } from './axe';
import type { Page } from '@playwright/test';
import { expect, SIGNED_OUT, test } from './fixtures';
import { getDocumentProxy } from 'unpdf';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { nonStandardRoles, pdfText } from './pdf-text';
import { ARCHIVE_CLASS, openPupil } from './helpers';

async function pdfTitle(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<unknown> {
  const { info } = await pdf.getMetadata();
  return (info as { Title?: unknown }).Title;
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await axeResults(page);
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}`);
}

test.describe('signed in', () => {
  test('the document title names what is shown', async ({ page }) => {
    await page.goto(`/bilans/${DEMO_IDS.angie}`);
    await expect(page).toHaveTitle('Bilan de HUBERT Angie du 16/06/2016 — CPRO');
    await page.goto(`/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angiePremierBilan}`);
    await expect(page).toHaveTitle('Bilan de HUBERT Angie du 27/05/2016 — CPRO');
    await page.goto(`/bilans?classe=${DEMO_IDS.classe}`);
    await expect(page).toHaveTitle('1re SN 2015-2016 — CPRO');
    await page.goto(`/classes/${DEMO_IDS.classe}/synthese`);
    await expect(page).toHaveTitle('Synthèse de la classe 1re SN 2015-2016 — CPRO');
  });

  test('the class list: most recent school year first, grouped, 2de → 1re → Tle', async ({
    page,
  }) => {
    await page.goto('/bilans');
    const groups = page.getByLabel('Classe', { exact: true }).locator('optgroup');
    const labels = await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
    expect(labels[0]).toMatch(/^Année scolaire \d{4}-\d{4} \(la plus récente\)$/);
    expect(labels.at(-1)).toBe('Année scolaire 2015-2016');
    const years = labels.map((l) => l?.match(/\d{4}-\d{4}/)?.[0] ?? '');
    expect(years).toEqual([...years].sort().reverse());
    const first = await groups.first().locator('option').allTextContents();
    expect(first.map((o) => o.slice(0, 3))).toEqual(['2de', '1re', 'Tle']);
    const archive = await groups.last().locator('option').allTextContents();
    expect(archive).toEqual(['1re SN (2015-2016)', 'Tle SN (2015-2016)']);
  });

  test('a first bilan has no « Évolution » column; later ones do', async ({ page }) => {
    await openPupil(page, ARCHIVE_CLASS, 'MARTIN Zoé');
    await expect(page.locator('table.competences th.evolution')).toHaveCount(0);
    await expect(page.getByText('pas de comparaison')).toHaveCount(0);
    await page.goto(`/bilans/${DEMO_IDS.angie}`);
    await expect(page.locator('table.competences thead th.evolution')).toHaveText('Évolution');
  });

  test('the marks of the bilan, out of 20 with a decimal comma', async ({ page }) => {
    await page.goto(`/bilans/${DEMO_IDS.angie}`);
    const notes = page.getByRole('region', { name: 'Notes du bilan' });
    await expect(
      notes.getByRole('rowheader', { name: 'Évaluation pratique en atelier' }),
    ).toBeVisible();
    const cells = await notes.locator('tbody td').allTextContents();
    expect(cells.length).toBeGreaterThanOrEqual(4);
    for (const value of cells.filter((_, i) => i % 2 === 0)) {
      expect(value).toMatch(/^\d{1,2}(,\d{1,2})? \/ 20$/);
    }
    expect(cells.join(' ')).not.toMatch(/\d\.\d/);
  });

  test('the radar: NE is not plotted, said « non évalué » in its text alternative', async ({
    page,
  }) => {
    await page.goto(`/bilans/${DEMO_IDS.angie}`);
    const figure = page.getByRole('img', {
      name: 'Diagramme radar : positionnements du 16/06/2016 comparés à ceux du 27/05/2016',
    });
    await expect(figure).toHaveAttribute('aria-describedby', 'radar-valeurs');
    const table = page.locator('#radar-valeurs');
    await expect(table.locator('thead th')).toHaveText([
      'Compétence',
      'Bilan du 27/05/2016',
      'Bilan du 16/06/2016',
    ]);
    // C1-1: « −+ » on 27/05, not evaluated on 16/06 (the example).
    const c11 = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'C1-1' }) });
    await expect(c11.locator('td')).toHaveText(['−+ (2)', 'non évalué']);
    await expect(page.getByText('NE : non évalué, non placé sur le radar')).toBeVisible();
    await expect(page.getByText('radar : 0')).toHaveCount(0);
    // In the drawing, the later series (solid, circles) has a hollow marker for it.
    const svg = page.locator('.radar-svg svg');
    await expect(svg.locator('circle[fill="#ffffff"]')).not.toHaveCount(0);
    await expect(svg.locator('path[stroke-dasharray="6 4"]')).toHaveCount(1);
  });

  test('choosing a pupil in the list moves the focus to the bilan heading', async ({ page }) => {
    await page.goto(`/bilans?classe=${DEMO_IDS.classe}`);
    await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: 'HUBERT Angie' });
    const heading = page.getByRole('heading', { level: 1, name: 'Bilan de HUBERT Angie' });
    await expect(heading).toBeFocused();
    // A date keeps the reader in the page: the heading again.
    await page
      .getByRole('navigation', { name: 'Dates des bilans' })
      .getByRole('link', { name: '27/05/2016' })
      .click();
    await expect(page).toHaveURL(new RegExp(DEMO_IDS.angiePremierBilan));
    await expect(heading).toBeFocused();
  });

  test('no sideways scroll at 390 px: the radar scales, the table scrolls in its box', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/bilans/${DEMO_IDS.angie}`);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      radar: document.querySelector('.radar-svg svg')!.getBoundingClientRect().width,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.radar).toBeLessThanOrEqual(390);
  });

  test('axe finds no violation on the class, bilan (with and without one) and 404 pages', async ({
    page,
  }) => {
    for (const path of [
      `/bilans?classe=${DEMO_IDS.classe}`,
      `/bilans/${DEMO_IDS.angie}`,
      `/bilans/${DEMO_IDS.aicha}`,
      '/bilans/00000000-0000-4000-8000-000000000000',
    ]) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});

test('the login and 403 pages have no axe violation; /favicon.ico exists', async ({
  browser,
  staffPage,
}) => {
  const anonymous = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await anonymous.newPage();
  await page.goto('/login');
  expect(await axeViolations(page), '/login').toEqual([]);
  expect((await page.request.get('/favicon.ico')).status()).toBe(200);
  await anonymous.close();
  await staffPage.goto('/bilans');
  await expect(
    staffPage.getByRole('heading', { name: 'Accès réservé aux enseignants' }),
  ).toBeVisible();
  expect(await axeViolations(staffPage), '403').toEqual([]);
});

test('the bilan PDF and the synthesis PDF are tagged, titled, with bookmarks; the marks are printed', async ({
  page,
}) => {
  const bilan = await page.request.get(
    `/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}/pdf`,
  );
  const pdf = await getDocumentProxy(new Uint8Array(await bilan.body()));
  expect(await pdfTitle(pdf)).toBe('Bilan de HUBERT Angie du 16/06/2016');
  expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
  const outline = (await pdf.getOutline()) ?? [];
  expect(outline.map((o) => o.title)).toContain(
    'Bilan intermédiaire de compétences — HUBERT Angie',
  );
  const { text } = await pdfText(await bilan.body());
  expect(text).toContain('Notes du bilan');
  expect(text).toMatch(/\d{1,2}(,\d{1,2})? \/ 20/);
  expect(text).toContain('NE : non évalué, non placé sur le radar');

  const synthese = await page.request.get(`/classes/${DEMO_IDS.classe}/synthese/pdf`);
  const spdf = await getDocumentProxy(new Uint8Array(await synthese.body()));
  expect(await pdfTitle(spdf)).toBe('Synthèse de la classe 1re SN 2015-2016');
  expect(await spdf.getMarkInfo()).toMatchObject({ Marked: true });
  // Every structure type is one a PDF 1.x reader knows (the files say PDF 1.4).
  expect(await nonStandardRoles(await bilan.body())).toEqual([]);
  expect(await nonStandardRoles(await synthese.body())).toEqual([]);
});
