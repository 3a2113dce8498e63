// Pages that keep their class, and dates that say their term (issue #29): a pupil opened
// from last year's class stays in it — selected, in the URL, its arrows stepping through its
// list, that year's bilan shown —; the banner groups dates by school year and class; the
// table shows one school year; every date says its term, and « Au » offers each term's end.
import { axeResults } from './axe';
import { expect, test } from './fixtures';
import { pupilIdOf } from './helpers';
import { stableId } from '../drizzle/seed/random';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '../lib/common/dates';

const today = todayInParis();
const year = schoolYearOf(today);
const start = Number(year.slice(0, 4));
const lastYear = `${start - 1}-${start}`;
const formerClass = `2de CIEL (${lastYear})`;
const formerId = stableId('classe', `${DEMO_UAI}|2de CIEL|${lastYear}`);
// The first pupil of last year's 2de CIEL, in list order, with bilans of both years.
const data = buildDemoData(today);
const yearsOf = (id: string) =>
  new Set(
    data.bilans.filter((b) => b.apprenantId === id).map((b) => schoolYearOf(b.date as string)),
  );
const followed = new Set(
  data.inscriptions
    .filter((i) => i.classeId === formerId && yearsOf(i.apprenantId as string).size === 2)
    .map((i) => i.apprenantId),
);

test('a pupil opened from last year’s class stays in it: URL, selection, arrows, that year’s bilan', async ({
  page,
}) => {
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: formerClass });
  await expect(page).toHaveURL(`/bilans?classe=${formerId}`);
  const links = page.getByRole('list', { name: 'Apprenants de la classe' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  const names = (await links.allTextContents()).map((n) => n.trim());
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const index = hrefs.findIndex((h) => followed.has(pupilIdOf(h)));
  expect(index).toBeGreaterThanOrEqual(0);
  expect(index).toBeLessThan(names.length - 1);
  await links.nth(index).click();
  await expect(page).toHaveURL(new RegExp(`/bilans/[0-9a-f-]+\\?classe=${formerId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names[index]}`);
  await expect(page.getByLabel('Classe', { exact: true }).locator('option:checked')).toHaveText(
    formerClass,
  );
  // That year's latest bilan, in a banner grouped by school year and class.
  const banner = page.getByRole('navigation', { name: 'Dates des bilans' });
  await expect(banner.getByRole('list', { name: `${lastYear} · 2de CIEL` })).toBeVisible();
  await expect(banner.getByRole('list', { name: `${year} · 1re CIEL` })).toBeVisible();
  const current = banner.locator('[aria-current="page"]');
  await expect(current).toContainText(`/${start}`);
  await expect(banner.getByRole('list', { name: `${lastYear} · 2de CIEL` })).toContainText(
    (await current.innerText()).split('\n')[0]!,
  );
  // The table: that school year's dates only.
  const heads = await page.locator('table.competences thead th.date').allTextContents();
  expect(heads.length).toBeGreaterThan(0);
  for (const head of heads) {
    const [, , month, y] = /(\d{2})\/(\d{2})\/(\d{4})/.exec(head)!.map(Number);
    expect(y! * 12 + month! - 9, head).toBeGreaterThanOrEqual((start - 1) * 12);
    expect(y! * 12 + month! - 9, head).toBeLessThan(start * 12);
  }
  // The arrow steps through last year's class, and keeps it.
  await page.getByRole('button', { name: 'Apprenant suivant', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names[index + 1]}`);
  await expect(page).toHaveURL(new RegExp(`\\?classe=${formerId}$`));
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${names[index]}`);

  // This year's bilan of the same pupil: the earlier year is one link away.
  await banner
    .getByRole('list', { name: `${year} · 1re CIEL` })
    .getByRole('link')
    .last()
    .click();
  const earlier = page.getByRole('link', { name: `${lastYear} (2de CIEL)` });
  await expect(earlier).toBeVisible();
  await earlier.click();
  await expect(
    banner.getByRole('list', { name: `${lastYear} · 2de CIEL` }).locator('[aria-current="page"]'),
  ).toBeVisible();
  const axe = await axeResults(page);
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('every date says its term; « Au » offers the end of each term of the year', async ({
  page,
}) => {
  await page.goto(`/bilans/${[...followed][0]}?classe=${formerId}`);
  const links = page.getByRole('navigation', { name: 'Dates des bilans' }).getByRole('link');
  // Both school years' bilans (three last year, one this year at least), read once there.
  await expect(links.nth(3)).toBeVisible();
  const dates = await links.allTextContents();
  for (const date of dates) expect(date).toMatch(/\d{2}\/\d{2}\/\d{4} · T[123]/);
  await expect(page.locator('table.competences thead th.date').first()).toContainText(/T[123]/);

  await page.goto(`/classes/${formerId}/synthese`);
  const ends = page.getByRole('navigation', { name: 'Fin de période' }).getByRole('link');
  await expect(ends).toHaveCount(3);
  await ends.first().click();
  await expect(page).toHaveURL(`/classes/${formerId}/synthese?au=${start - 1}-11-30`);
  await expect(page.getByText(`situation au 30/11/${start - 1} (fin du T1)`)).toBeVisible();
  // The first term's end: the bilans of December are not counted yet.
  await expect(page.locator('table.synthese tbody td.bilan').first()).toContainText('aucun bilan');
  await page.goto(`/classes/${formerId}/synthese`);
  await expect(page.locator('table.synthese tbody td.bilan:not(.aucun)').first()).toContainText(
    /\d{2}\/\d{2}\/\d{4} · T[123]/,
  );
});
