// Teachers write bilans in the module (« Rédiger un bilan »), on the production build: a
// teacher of the class's team writes a draft with the keyboard only and saves it; a colleague
// of the team continues and validates it; the pupil's page says who wrote and who validated,
// the PDF prints it, the synthesis and PRONOTE's export read it. A teacher outside the team
// gets 403 (no button), another school's gets 404. The same flow without JavaScript, with
// the form's refusals; the form on a phone, axe clean.
import { axeResults } from './axe';
import type { Browser, Page } from '@playwright/test';
import { anonymousTest, expect, SIGNED_OUT, test } from './fixtures';
import { pdfText } from './pdf-text';
import { stableId } from '../drizzle/seed/random';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { DEMO_ACCOUNTS } from '../drizzle/seed/demo-ids';
import { schoolYearOf, todayInParis } from '../lib/common/dates';
import { CIEL_CODES, createToken, signIn } from './helpers';

const TLE_CIEL = stableId('classe', `${DEMO_UAI}|Tle CIEL|${schoolYearOf(todayInParis())}`);

// This year's Tle CIEL pupils without a draft (the demo's, computed as the seed made them),
// in name order: each test writes for its own, from the end (the write API's spec takes the
// list's first).
const data = buildDemoData(todayInParis());
const enrolled = new Set(
  data.inscriptions.filter((i) => i.classeId === TLE_CIEL).map((i) => i.apprenantId as string),
);
const withDraft = new Set(
  data.bilans.filter((b) => !b.valideLe).map((b) => b.apprenantId as string),
);
const sansBrouillon = data.apprenants
  .filter((a) => enrolled.has(a.id!) && !withDraft.has(a.id!))
  .map((a) => ({ id: a.id!, name: `${a.nom} ${a.prenom}` }))
  .sort((a, b) => a.name.localeCompare(b.name, 'fr'));

function pupilFromEnd(fromEnd: number) {
  const pupil = sansBrouillon[sansBrouillon.length - fromEnd];
  if (!pupil) throw new Error(`Tle CIEL has fewer than ${fromEnd} pupils without a draft`);
  return pupil;
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

/** The form's own alert (Next.js's route announcer is an alert too). */
const formAlert = (page: Page) =>
  page.getByRole('form', { name: /^Rédiger le bilan de / }).getByRole('alert');

const writeLink = (page: Page) =>
  page.getByRole('link', { name: /^(Rédiger un bilan|Reprendre le brouillon)$/ });

/** The radio of `niveau` for competence `code`: its name begins with the symbol. */
const radio = (page: Page, code: string, niveau: string) =>
  page
    .getByRole('group', { name: new RegExp(`^${code} — `) })
    .getByRole('radio', { name: new RegExp(`^${niveau.replace(/[+]/g, '\\+')} Compétence`) });

test('a team teacher writes with the keyboard, a colleague continues and validates; page, PDF, synthesis and PRONOTE read it', async ({
  page,
  adminPage,
  browser,
  baseURL,
}) => {
  const pupil = pupilFromEnd(1);
  await page.goto(`/bilans/${pupil.id}`);
  // The keyboard only, from the pupil's page.
  await expect(writeLink(page)).toHaveText('Rédiger un bilan');
  await writeLink(page).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/bilans/${pupil.id}/rediger`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Rédiger le bilan de ${pupil.name}`,
  );
  for (const [i, code] of CIEL_CODES.slice(0, 5).entries()) {
    await radio(page, code, i % 2 ? '++' : '+').focus();
    await page.keyboard.press('Space');
  }
  await page.getByLabel('Constats', { exact: true }).focus();
  await page.keyboard.type('Rédigé au clavier par Sophie.');
  await page.getByRole('button', { name: 'Ajouter une note' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Libellé de la note 1').focus();
  await page.keyboard.type('TP réseau');
  await page.keyboard.press('Tab');
  await page.keyboard.type('14,5');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/^Brouillon enregistré à \d\d:\d\d\.$/);
  // Incomplete: validation names what is missing, the focus on the first missing competence.
  await page.getByRole('button', { name: 'Valider le bilan' }).click();
  await expect(formAlert(page)).toHaveText(
    /Compétences non positionnées : C08, C09, C10, C11\. Rien n’a été enregistré\./,
  );
  await expect(radio(page, 'C08', 'NE')).toBeFocused();

  // LAMBERT Julien, of the same team, continues it.
  const julien = await signedIn(browser, baseURL, DEMO_ACCOUNTS.enseignant2);
  await julien.goto(`/bilans/${pupil.id}`);
  await expect(julien.getByText('en cours de validation').first()).toBeVisible();
  await julien.getByRole('link', { name: 'Reprendre le brouillon' }).click();
  await expect(julien.getByLabel('Constats', { exact: true })).toHaveValue(
    'Rédigé au clavier par Sophie.',
  );
  await expect(radio(julien, 'C03', '++')).toBeChecked();
  for (const code of CIEL_CODES.slice(5)) await radio(julien, code, 'NE').check();
  await julien.getByLabel('Conseils', { exact: true }).fill('Complété et validé par Julien.');
  await julien.getByRole('button', { name: 'Valider le bilan' }).click();
  await expect(julien.getByRole('heading', { name: 'Confirmer la validation' })).toBeVisible();
  await expect(
    julien.getByText('Un bilan validé est définitif : il ne pourra plus être modifié.'),
  ).toBeVisible();
  await julien.getByRole('button', { name: 'Confirmer la validation' }).click();
  await expect(julien).toHaveURL(new RegExp(`/bilans/${pupil.id}/[0-9a-f-]{36}$`));
  const url = new URL(julien.url()).pathname;
  await expect(julien.getByText(/validé le \d\d\/\d\d\/\d{4} à \d\d:\d\d/)).toBeVisible();
  await expect(
    julien.getByText(/^Rédigé par Sophie LEFÈVRE, Julien LAMBERT · validé par Julien LAMBERT le /),
  ).toBeVisible();
  await expect(julien.getByRole('link', { name: 'Rédiger un bilan' })).toBeVisible();

  const pdf = await julien.request.get(`${url}/pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await pdfText(await pdf.body());
  expect(text).toContain('Complété et validé par Julien.');
  expect(text).toContain('TP réseau');

  const csv = await julien.request.get(`/classes/${TLE_CIEL}/synthese/csv`);
  const row = (await csv.text()).split('\n').find((l) => l.includes(pupil.name.split(' ')[0]!));
  expect(row).toContain('++');

  const pronote = await createToken(adminPage, 'pronote');
  // PRONOTE reads the current period's validated bilans, page after page (its appraisal:
  // the conseils).
  const exportedIds = new Map<string, string>();
  let next: string | null = '';
  while (next !== null) {
    const query: string = next ? `?curseur=${encodeURIComponent(next)}` : '';
    const exported = await julien.request.get(`/api/pronote/v1/bilans${query}`, {
      headers: { Authorization: `Bearer ${pronote}` },
    });
    expect(exported.status()).toBe(200);
    const body = (await exported.json()) as {
      bilans: { id: string; conseils: string }[];
      suivant: string | null;
    };
    for (const b of body.bilans) exportedIds.set(b.id, b.conseils);
    next = body.suivant;
  }
  expect(exportedIds.get(url.split('/')[3]!)).toBe('Complété et validé par Julien.');
  await julien.context().close();
});

test('outside the team: no button and the 403 page; another school: 404', async ({
  page,
  neighbourPage,
  browser,
  baseURL,
}) => {
  const pupil = pupilFromEnd(4);
  const camille = await signedIn(browser, baseURL, DEMO_ACCOUNTS.remplacant);
  await camille.goto(`/bilans/${pupil.id}`);
  await expect(camille.getByRole('heading', { level: 1 })).toHaveText(`Bilan de ${pupil.name}`);
  await expect(writeLink(camille)).toHaveCount(0);
  // The page says where bilans are written, and by whom.
  await expect(
    camille.getByText(
      /^Les bilans d'un élève sont rédigés dans ce module par l'équipe pédagogique de sa classe/,
    ),
  ).toBeVisible();
  expect((await camille.goto(`/bilans/${pupil.id}/rediger`))?.status()).toBe(403);
  await camille.context().close();
  expect((await neighbourPage.goto(`/bilans/${pupil.id}/rediger`))?.status()).toBe(404);
  expect((await page.goto('/bilans/pas-un-id/rediger'))?.status()).toBe(404);
});

anonymousTest(
  'the whole flow without JavaScript, with the form’s refusals',
  async ({ browser, baseURL }) => {
    const page = await signedIn(browser, baseURL, DEMO_ACCOUNTS.enseignant, false);
    const pupil = pupilFromEnd(2);
    await page.goto(`/bilans/${pupil.id}`);
    await writeLink(page).click();
    await expect(page).toHaveURL(`/bilans/${pupil.id}/rediger`);
    for (const code of CIEL_CODES) await radio(page, code, '-+').check();
    await page.getByLabel('Constats', { exact: true }).fill('Sans JavaScript.');
    await page.getByRole('button', { name: 'Ajouter une note' }).click();
    await expect(page.getByLabel('Constats', { exact: true })).toHaveValue('Sans JavaScript.');
    await page.getByLabel('Libellé de la note 1').fill('Oral');
    await page.getByLabel('Note sur 20 de la note 1').fill('21');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(formAlert(page)).toHaveText(
      'Le formulaire a des erreurs : rien n’a été enregistré.',
    );
    await expect(page.getByText('La note est sur 20 : un nombre entre 0 et 20.')).toBeVisible();
    await expect(page.getByLabel('Note sur 20 de la note 1')).toBeFocused();
    await expect(radio(page, 'C11', '-+')).toBeChecked();
    await page.getByLabel('Note sur 20 de la note 1').fill('16');
    await page.getByRole('button', { name: 'Valider le bilan' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmer la validation' })).toBeVisible();
    await page.getByRole('button', { name: 'Confirmer la validation' }).click();
    await expect(page).toHaveURL(new RegExp(`/bilans/${pupil.id}/[0-9a-f-]{36}$`));
    await expect(page.getByText('Sans JavaScript.')).toBeVisible();
    await expect(
      page.getByText(/^Rédigé par Sophie LEFÈVRE · validé par Sophie LEFÈVRE le /),
    ).toBeVisible();
    await page.context().close();
  },
);

test('the form on a desktop and a phone: axe clean, nothing sideways, refusals included', async ({
  page,
}) => {
  const pupil = pupilFromEnd(3);
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/bilans/${pupil.id}/rediger`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await axeResults(page);
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Valider le bilan' }).click();
    await expect(formAlert(page)).toBeVisible();
    const refused = await axeResults(page);
    expect(refused.violations.map((v) => v.id)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
  }
});
