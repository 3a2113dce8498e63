// bac pro CIEL beside bac pro SN, and a pupil followed over two school years: a CIEL pupil's
// bilan lists the nine CIEL competences with their labels and a radar of their last two
// CIEL bilans; a pupil of this year's 1re CIEL who was in last year's 2de CIEL shows the
// dates of both years and is in both classes' lists. (HUBERT Angie's SN page, unchanged, is
// e2e/consultation.spec.ts.)
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { stableId } from '../drizzle/seed/random';
import { schoolYearOf, todayInParis } from '../lib/common/dates';

const today = todayInParis();
const year = schoolYearOf(today);
const start = Number(year.slice(0, 4));
const lastYear = `${start - 1}-${start}`;
const data = buildDemoData(today);
const classeId = (nom: string, annee: string) => stableId('classe', `${DEMO_UAI}|${nom}|${annee}`);
const premiere = classeId('1re CIEL', year);
const seconde = classeId('2de CIEL', lastYear);
const enrolled = (classe: string) =>
  new Set(data.inscriptions.filter((i) => i.classeId === classe).map((i) => i.apprenantId));
const bilansOf = (id: string) => data.bilans.filter((b) => b.apprenantId === id);
// A pupil in both classes with bilans of both school years, two of them at least.
const pupil = data.apprenants.find(
  (a) =>
    enrolled(premiere).has(a.id!) &&
    enrolled(seconde).has(a.id!) &&
    new Set(bilansOf(a.id!).map((b) => schoolYearOf(b.date as string))).size === 2,
)!;
const name = `${pupil.nom} ${pupil.prenom}`;
const dates = bilansOf(pupil.id!)
  .map((b) => b.date as string)
  .sort()
  .map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);

const rows = (page: Page) => page.locator('table.competences tbody tr');

async function choose(page: Page, classe: string) {
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: classe });
  await expect(page).toHaveURL(/\/bilans\?classe=/);
  await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: name });
  await expect(page.getByRole('heading', { level: 1, name: `Bilan de ${name}` })).toBeVisible();
}

test("a CIEL pupil's bilan: the nine CIEL competences with their labels, a radar of the last two", async ({
  page,
}) => {
  await choose(page, `1re CIEL (${year})`);
  await expect(page.getByText('Référentiel : bac pro CIEL')).toBeVisible();
  await expect(rows(page)).toHaveCount(9);
  const expected: [string, string][] = [
    ['C01', 'Communiquer en situation professionnelle (français/anglais)'],
    ['C08', 'Coder'],
    ['C11', 'Maintenir un système électronique ou réseau informatique'],
  ];
  for (const [code, label] of expected) {
    await expect(rows(page).locator('th').filter({ hasText: code })).toHaveText(`${code} ${label}`);
  }
  const heads = await rows(page).locator('th b').allTextContents();
  expect(heads).toEqual(['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11']);
  // The radar compares the pupil's last two bilans, named by their dates.
  const [before, last] = dates.slice(-2);
  await expect(
    page.getByRole('img', {
      name: `Diagramme radar : positionnements du ${last} comparés à ceux du ${before}`,
    }),
  ).toBeVisible();
});

test('a pupil followed from last year shows both years’ dates, each class its own year', async ({
  page,
}) => {
  const banner = page.getByRole('navigation', { name: 'Dates des bilans' });
  const columns = page.locator('table.competences thead th.date');
  const inYear = (y: string) =>
    dates.filter((d) => schoolYearOf(`${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`) === y);
  // From last year's class: that class stays, its year's bilan and columns.
  await choose(page, `2de CIEL (${lastYear})`);
  await expect(page).toHaveURL(new RegExp(`\\?classe=${seconde}$`));
  for (const date of dates) await expect(banner.getByText(date)).toBeVisible();
  await expect(columns).toHaveText(inYear(lastYear).map((d) => new RegExp(`^${d}`)));
  // From this year's class: the same pupil, this year's.
  await choose(page, `1re CIEL (${year})`);
  await expect(page).toHaveURL(new RegExp(`\\?classe=${premiere}$`));
  for (const date of dates) await expect(banner.getByText(date)).toBeVisible();
  await expect(columns).toHaveText(inYear(year).map((d) => new RegExp(`^${d}`)));
});
