// The term that just ended (issue #40): a period gets its closing day for PRONOTE (« clôture »,
// three weeks after its last day unless the administrator says), and until then PRONOTE still
// reads its validated bilans — two periods may be open at once —, « Préparation PRONOTE » shows
// it on top with its closing day and its drafts, and the class's page warns of those drafts.
// Whatever today is: the administrator moves the previous period's closing day to next week,
// then back to its default.
import { expect, test } from './fixtures';
import { stableId } from '../drizzle/seed/random';
import { buildDemoData, DEMO_UAI } from '../drizzle/seed/demo-data';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { formatDateFr, schoolYearOf, todayInParis } from '../lib/common/dates';
import { defaultCloture } from '../lib/common/periodes';
import { createToken } from './helpers';
import { PRONOTE_DOCUMENTATION_URL } from '../lib/common/pronote-documentation';

const today = todayInParis();
const data = buildDemoData(today);
const TLE_CIEL = stableId('classe', `${DEMO_UAI}|Tle CIEL|${schoolYearOf(today)}`);
/** The demo's last period that has ended before today. */
const previous = data.periodes
  .filter((p) => p.etablissementId === DEMO_IDS.etablissement && p.fin < today)
  .sort((a, b) => b.fin.localeCompare(a.fin))[0]!;
const nextWeek = (() => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
})();
/** Tle CIEL's pupils with a draft dated in that period (the demo's; no test writes them). */
const enrolled = new Set(
  data.inscriptions
    .filter((i) => i.classeId === TLE_CIEL && !i.sortieLe)
    .map((i) => i.apprenantId as string),
);
const draftsOfPrevious = new Set(
  data.bilans
    .filter(
      (b) =>
        !b.valideLe &&
        enrolled.has(b.apprenantId as string) &&
        String(b.date) >= previous.debut &&
        String(b.date) <= previous.fin,
    )
    .map((b) => b.apprenantId as string),
).size;

test('a period that has ended is read by PRONOTE until its closing day, shown with its drafts', async ({
  page,
  adminPage,
  request,
}) => {
  const label = `${previous.libelle} ${previous.anneeScolaire}`;
  const form = adminPage.getByRole('form', { name: `Modifier la période ${label}` });
  await adminPage.goto('/administration/periodes');
  await expect(form.getByLabel('Clôture PRONOTE')).toHaveValue(previous.cloture!);
  await form.getByLabel('Clôture PRONOTE').fill(nextWeek);
  await form.getByRole('button', { name: `Modifier la période ${label}` }).click();
  await expect(adminPage.getByRole('status')).toHaveText('Période modifiée.');
  await expect(adminPage.getByText(/^Période en cours|^Aucune période ne couvre/)).toContainText(
    `${previous.libelle} (jusqu’au ${formatDateFr(nextWeek)})`,
  );

  try {
    // PRONOTE reads it (before: « only the current period »), by its id.
    const pronote = await createToken(adminPage, 'pronote');
    const read = await request.get(`/api/pronote/v1/bilans?periode=${previous.id}`, {
      headers: { Authorization: `Bearer ${pronote}` },
    });
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { periode: { cloture: string } }).periode.cloture).toBe(
      nextWeek,
    );

    // The administration's home says it too (before: « nothing while no period holds today »).
    await adminPage.goto('/administration');
    await expect(adminPage.getByText(/PRONOTE lit les bilans validés de/)).toContainText(
      `${previous.libelle} (clôture le ${formatDateFr(nextWeek)})`,
    );
    // The PRONOTE connector's page sends to PRONOTE's own documentation.
    await adminPage.goto('/administration/pronote');
    await expect(
      adminPage.getByRole('link', { name: /^Documentation de PRONOTE/ }),
    ).toHaveAttribute('href', PRONOTE_DOCUMENTATION_URL);

    // « Préparation PRONOTE »: that period on top, its closing day said, its drafts counted;
    // the transfer is done in PRONOTE, whose documentation is a link away.
    await page.goto(`/classes/${TLE_CIEL}/pronote`);
    await expect(
      page.getByRole('main').getByRole('link', { name: /^Documentation de PRONOTE/ }),
    ).toHaveAttribute('href', PRONOTE_DOCUMENTATION_URL);
    const sections = page.getByRole('region');
    await expect(sections.first()).toHaveAccessibleName(
      `${label} — terminée, clôture PRONOTE le ${formatDateFr(nextWeek)}`,
    );
    const inPrevious = sections.first();
    await expect(inPrevious.locator('table.pronote-preparation tbody tr')).toHaveCount(
      enrolled.size,
    );
    if (draftsOfPrevious > 0) {
      await expect(inPrevious).toContainText(
        `${draftsOfPrevious} ${draftsOfPrevious === 1 ? 'bilan de cette période est encore un brouillon' : 'bilans de cette période sont encore des brouillons'}`,
      );
      // The class's page warns of them.
      await page.goto(`/bilans?classe=${TLE_CIEL}`);
      await expect(page.getByRole('note')).toContainText(
        `${label} : ${draftsOfPrevious} ${draftsOfPrevious === 1 ? 'bilan est encore un brouillon' : 'bilans sont encore des brouillons'}`,
      );
      await page.getByRole('link', { name: 'Voir la préparation PRONOTE' }).click();
      await expect(page).toHaveURL(`/classes/${TLE_CIEL}/pronote`);
    }
  } finally {
    // Back to its default: three weeks after its last day.
    await adminPage.goto('/administration/periodes');
    await form.getByLabel('Clôture PRONOTE').fill('');
    await form.getByRole('button', { name: `Modifier la période ${label}` }).click();
    await expect(adminPage.getByRole('status')).toHaveText('Période modifiée.');
    await expect(form.getByLabel('Clôture PRONOTE')).toHaveValue(defaultCloture(previous.fin));
  }
});

test('a closing day before the last day is refused beside its field, what was typed kept', async ({
  adminPage,
}) => {
  const label = `${previous.libelle} ${previous.anneeScolaire}`;
  await adminPage.goto('/administration/periodes');
  const form = adminPage.getByRole('form', { name: `Modifier la période ${label}` });
  const dayBefore = (() => {
    const d = new Date(`${previous.fin}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  })();
  await form.getByLabel('Clôture PRONOTE').fill(dayBefore);
  await form.getByRole('button', { name: `Modifier la période ${label}` }).click();
  await expect(form.getByLabel('Clôture PRONOTE')).toHaveAccessibleDescription(
    /^La clôture PRONOTE ne peut pas précéder le dernier jour/,
  );
  await expect(form.getByLabel('Clôture PRONOTE')).toHaveValue(dayBefore);
  await expect(form.getByLabel('Clôture PRONOTE')).toBeFocused();
});
