// Every teacher page on a desktop and on a 390 px phone (issue #29): axe finds nothing; no
// page is wider than the screen; on a phone every pupil of a class opens with the shown
// bilan's column in view, the competence column pinned, the table's box focusable and named.
import { axeViolations } from './axe';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { stableId } from '../drizzle/seed/random';
import { DEMO_UAI } from '../drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '../lib/common/dates';

const TLE_CIEL = stableId('classe', `${DEMO_UAI}|Tle CIEL|${schoolYearOf(todayInParis())}`);
const TLE_SN = stableId('classe', `${DEMO_UAI}|Tle SN|2015-2016`);

/** Each page on a desktop and on a 390 px phone: axe with every rule, no wider than the screen. */
async function expectEveryPageFits(page: Page, paths: string[]) {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      expect.soft(await axeViolations(page), `${path} at ${viewport.width} px`).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, `${path} at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
    }
  }
}

test('every teacher page passes axe and fits the screen, on a desktop and on a phone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await expectEveryPageFits(page, [
    '/bilans',
    `/bilans?classe=${TLE_CIEL}`,
    `/bilans/${DEMO_IDS.angie}`,
    `/bilans/${DEMO_IDS.aicha}`,
    `/classes/${TLE_SN}/synthese`,
    `/classes/${TLE_CIEL}/synthese?au=${todayInParis()}`,
    `/classes/${TLE_CIEL}/pronote`,
    '/bilans/00000000-0000-4000-8000-000000000000',
  ]);
});

test('every administration page passes axe and fits the screen, on a desktop and on a phone', async ({
  adminPage: page,
}) => {
  test.setTimeout(180_000);
  await expectEveryPageFits(page, [
    '/administration',
    '/administration/siecle',
    '/administration/enseignants',
    '/administration/sts',
    '/administration/classes',
    '/administration/periodes',
    '/administration/pronote',
    '/administration/alimentation',
    '/administration/journal',
  ]);
});

test('on a phone every pupil of a class opens at the shown bilan, the competence beside it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/bilans?classe=${TLE_SN}`);
  const links = page.getByRole('list', { name: 'Apprenants de la classe' }).getByRole('link');
  await expect(links).toHaveCount(30);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  let withTable = 0;
  for (const href of hrefs) {
    await page.goto(href);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      href,
    ).toBeLessThanOrEqual(390);
    const box = page.getByRole('region', { name: 'Tableau des compétences (défilement possible)' });
    if ((await box.count()) === 0) continue; // a pupil without a bilan
    withTable++;
    await expect(box).toHaveAttribute('tabindex', '0');
    const seen = await box.evaluate((el) => {
      const frame = el.getBoundingClientRect();
      const inside = (r: DOMRect) => r.left >= frame.left - 1 && r.right <= frame.right + 1;
      const dates = [...el.querySelectorAll('thead th.date')];
      const competence = el.querySelector('tbody th')!.getBoundingClientRect();
      return {
        shown: inside(dates.at(-1)!.getBoundingClientRect()),
        competence: inside(competence),
      };
    });
    expect(seen, href).toEqual({ shown: true, competence: true });
  }
  expect(withTable).toBeGreaterThan(20);
  // The radar's labels stay readable once the drawing is scaled to the phone (≥ 10 px).
  await page.goto(`/bilans/${DEMO_IDS.angie}`);
  const label = await page.locator('.radar-svg svg text').first().boundingBox();
  expect(label!.height).toBeGreaterThanOrEqual(10);
  // The keyboard scrolls the box: it takes the focus, and the arrow moves it.
  const box = page.getByRole('region', { name: 'Tableau des compétences (défilement possible)' });
  await box.focus();
  const before = await box.evaluate((el) => el.scrollLeft);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeLessThan(before);
});

test('the first screen shows the bilan: the class documents fold into one control', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/bilans/${DEMO_IDS.angie}`);
  const name = page.getByRole('heading', { level: 1 });
  await expect(name).toHaveText('Bilan de HUBERT Angie');
  expect((await name.boundingBox())!.y).toBeLessThan(844 - 60);
  await expect(page.getByRole('link', { name: 'Synthèse de la classe' })).toBeHidden();
  await page.getByText('Documents de la classe', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Synthèse de la classe' })).toBeVisible();
  await expect(page.getByLabel(/^Recto verso/)).toBeVisible();
  // A cue says the table scrolls.
  await expect(page.getByText('Le tableau défile vers la gauche et la droite →')).toBeVisible();
});

test('the pupil’s own PDF is the loud button, beside the dates; the class documents are quieter', async ({
  page,
}) => {
  await page.goto(`/bilans/${DEMO_IDS.angie}`);
  const own = page.getByRole('link', { name: 'Générer en PDF' });
  const klass = page.getByRole('link', { name: 'Imprimer le dernier bilan pour tous les élèves' });
  const constats = page.getByRole('heading', { name: 'Constats' });
  const [ownBox, constatsBox] = [await own.boundingBox(), await constats.boundingBox()];
  expect(ownBox!.y).toBeLessThan(constatsBox!.y);
  // Filled for the pupil's PDF, outlined for the class's.
  const fill = (l: typeof own) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await fill(own)).not.toBe('rgb(255, 255, 255)');
  expect(await fill(klass)).toBe('rgb(255, 255, 255)');
  // « = C2-1 » is explained once, under the table.
  await expect(page.getByText(/^« = C2-1 » : code de la même compétence/)).toHaveCount(1);
});
