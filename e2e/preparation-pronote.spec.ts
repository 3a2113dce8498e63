// « Préparation PRONOTE » (/classes/<id>/pronote): before the period closes, a teacher sees
// for each pupil of the class their bilan of the current period — validated, awaiting
// validation, none —, its marks, and when PRONOTE last read it; the same on paper.
import { axeResults } from './axe';
import { expect, test } from './fixtures';
import { pdfText } from './pdf-text';
import { stableId } from '../drizzle/seed/random';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { schoolYearOf, todayInParis } from '../lib/common/dates';
import { cielBilan, createToken, pupilIdOf, putBilan } from './helpers';

test('each pupil with their bilan of the period, its marks and PRONOTE’s last read; printable', async ({
  page,
  adminPage,
  request,
}) => {
  const today = todayInParis();
  // 2de CIEL: no other test writes its bilans.
  const classeId = stableId('classe', `${DEMO_UAI}|2de CIEL|${schoolYearOf(today)}`);
  const write = await createToken(adminPage, 'alimentation');
  const pronote = await createToken(adminPage, 'pronote');
  await page.goto(`/bilans?classe=${classeId}`);
  const links = page.getByRole('list', { name: 'Apprenants de la classe' }).getByRole('link');
  const [first, second] = await Promise.all(
    [0, 1].map(async (i) => ({
      name: (await links.nth(i).innerText()).trim(),
      id: pupilIdOf((await links.nth(i).getAttribute('href'))!),
    })),
  );
  const put = (source: string, apprenantId: string, valide: boolean, notes: unknown[]) =>
    putBilan(
      request,
      write,
      source,
      cielBilan(apprenantId, today, {
        constats: 'Préparation PRONOTE.',
        conseils: 'À valider.',
        niveau: '-+',
        notes,
        valide,
      }),
    );
  expect(
    (
      await put('e2e:prep:1', first!.id, true, [{ libelle: 'TP', valeur: 12, coefficient: 1 }])
    ).status(),
  ).toBe(201);
  expect((await put('e2e:prep:2', second!.id, false, [])).status()).toBe(201);

  // From the class's documents.
  await page.getByRole('link', { name: 'Préparation PRONOTE', exact: true }).click();
  await expect(page).toHaveURL(`/classes/${classeId}/pronote`);
  await expect(page).toHaveTitle(/^Préparation PRONOTE — 2de CIEL/);
  // The current period's section (a term that has ended may be shown above it until its
  // closing day).
  const current = buildDemoData(today).periodes.find(
    (p) => p.etablissementId === DEMO_IDS.etablissement && p.debut <= today && today <= p.fin,
  )!;
  const section = page.getByRole('region', {
    name: new RegExp(`^${current.libelle} ${current.anneeScolaire} — en cours, clôture PRONOTE le`),
  });
  await expect(section).toBeVisible();
  const row = (name: string) =>
    section.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row(first!.name)).toContainText('Validé');
  await expect(row(first!.name)).toContainText('1 note');
  await expect(row(first!.name)).toContainText('pas encore lu');
  await expect(row(second!.name)).toContainText('En cours de validation');
  await expect(row(second!.name)).toContainText('aucune note');
  await expect(row(second!.name)).toContainText('ne sera lu qu’une fois validé');
  const rows = section.locator('table.pronote-preparation tbody tr');
  expect(await rows.count()).toBe(24);
  expect(await rows.filter({ hasText: 'Aucun bilan dans la période' }).count()).toBe(22);
  await expect(
    section.getByText(/^24 élèves : 1 bilan validé, 1 en cours de validation, 22 sans bilan/),
  ).toBeVisible();

  // PRONOTE reads the period: the page says when.
  const exported = await request.get('/api/pronote/v1/bilans', {
    headers: { Authorization: `Bearer ${pronote}` },
  });
  expect(exported.status()).toBe(200);
  await page.reload();
  await expect(row(first!.name)).toContainText(/le \d{2}\/\d{2}\/\d{4}/);

  const axe = await axeResults(page);
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  const phone = await axeResults(page);
  expect(phone.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const pdf = await page.request.get(`/classes/${classeId}/pronote/pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await pdfText(await pdf.body());
  expect(text).toContain(`Préparation PRONOTE — 2de CIEL`);
  expect(text).toContain(first!.name);
  expect(text).toContain('1 bilan validé, 1 en cours de validation, 22 sans bilan');
});

test('an archive class’s preparation says its year is not the current period’s', async ({
  page,
}) => {
  await page.goto(`/classes/${stableId('classe', `${DEMO_UAI}|1re SN|2015-2016`)}/pronote`);
  await expect(
    page.getByText(/^Cette classe est de l'année scolaire 2015-2016/).first(),
  ).toBeVisible();
  expect(await page.locator('table.pronote-preparation').first().locator('tbody tr').count()).toBe(
    18,
  );
});

test('another establishment’s teacher gets the 404; a malformed id too', async ({
  neighbourPage,
  page,
}) => {
  const classeId = stableId('classe', `${DEMO_UAI}|2de CIEL|${schoolYearOf(todayInParis())}`);
  for (const path of [`/classes/${classeId}/pronote`, `/classes/${classeId}/pronote/pdf`]) {
    expect((await neighbourPage.request.get(path)).status(), path).toBe(404);
  }
  expect((await page.goto('/classes/pas-un-id/pronote'))?.status()).toBe(404);
});
