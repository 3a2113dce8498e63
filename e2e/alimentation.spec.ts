// Bilans flow in through the write API, end to end on the production build: the demo's
// administrator creates the tokens on their page; a draft sent by PUT shows on the pupil's
// page « en cours de validation »; once validated, the PDF prints the validated version and
// PRONOTE's export of the current period returns it.
import { expect, test } from './fixtures';
import { pdfText } from './pdf-text';
import { stableId } from '../drizzle/seed/random';
import { DEMO_UAI } from '../drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '../lib/common/dates';
import { cielBilan, createToken, pupilIdOf, putBilan } from './helpers';

test('a draft sent by the API shows « en cours de validation »; validated, it is in the PDF and in PRONOTE', async ({
  page,
  adminPage,
  request,
}) => {
  const token = await createToken(adminPage, 'alimentation');
  expect(token).toMatch(/^cpro_al_/);
  const pronote = await createToken(adminPage, 'pronote');
  const today = todayInParis();
  const tleCiel = stableId('classe', `${DEMO_UAI}|Tle CIEL|${schoolYearOf(today)}`);
  await page.goto(`/bilans?classe=${tleCiel}`);
  const href = await page
    .getByRole('list', { name: 'Apprenants de la classe' })
    .getByRole('link')
    .first()
    .getAttribute('href');
  const apprenantId = pupilIdOf(href!);

  const body = cielBilan(apprenantId, today, {
    constats: 'Envoyé par le tableau de bord : brouillon.',
    conseils: 'Relire avant le conseil.',
    niveau: '+',
    notes: [{ libelle: 'Évaluation pratique', valeur: 15, coefficient: 1 }],
    valide: false,
  });
  const put = (payload: unknown) => putBilan(request, token, 'e2e:tdb:1', payload);
  const created = await put(body);
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as { id: string; url: string };
  await page.goto(draft.url);
  await expect(page.getByText('Envoyé par le tableau de bord : brouillon.')).toBeVisible();
  await expect(page.getByText('en cours de validation').first()).toBeVisible();
  // The PRONOTE token cannot write; the write token cannot read PRONOTE's export.
  expect((await putBilan(request, pronote, 'e2e:tdb:1', body)).status()).toBe(401);
  expect(
    (
      await request.get('/api/pronote/v1/bilans', { headers: { Authorization: `Bearer ${token}` } })
    ).status(),
  ).toBe(401);

  const validated = await put({
    ...body,
    constats: 'Version validée.',
    conseils: 'Conseil validé.',
    valide: true,
  });
  expect(validated.status()).toBe(200);
  const final = (await validated.json()) as { id: string; url: string; valide: boolean };
  expect(final.valide).toBe(true);
  // The replaced draft is gone: its page is the French 404.
  expect((await page.goto(draft.url))?.status()).toBe(404);
  await page.goto(final.url);
  await expect(page.getByText('Version validée.')).toBeVisible();
  // In the current period: PRONOTE's status shows, until its export reads it.
  await expect(page.getByText('Validé : pas encore lu par PRONOTE.')).toBeVisible();
  const pdf = await page.request.get(`${final.url}/pdf`);
  expect(pdf.status()).toBe(200);
  const { text } = await pdfText(await pdf.body());
  expect(text).toContain('Version validée.');
  expect(text).not.toContain('brouillon');

  const exported = await request.get('/api/pronote/v1/bilans', {
    headers: { Authorization: `Bearer ${pronote}` },
  });
  expect(exported.status()).toBe(200);
  const { bilans } = (await exported.json()) as { bilans: { id: string; conseils: string }[] };
  expect(bilans.find((b) => b.id === final.id)?.conseils).toBe('Conseil validé.');
  await page.goto(final.url);
  await expect(page.getByText(/^Lu par PRONOTE le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  // Validated: no more change.
  expect((await put({ ...body, constats: 'Trop tard.', valide: true })).status()).toBe(409);
});
