// Shared steps of the e2e tests: signing in through the real form (tests of the sign-in
// itself; the others start signed in: fixtures.ts), opening a pupil, a PDF.
import { expect, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { parse as parseDisposition } from 'content-disposition';
import { PASSWORD, TEACHER } from './accounts';

export { OTHER_TEACHER, PASSWORD, STAFF, TEACHER } from './accounts';

export async function signIn(page: Page, email: string, password = PASSWORD, from = '/login') {
  await page.goto(from);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

export async function signInAsTeacher(page: Page, email = TEACHER) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/bilans/);
}

export const ARCHIVE_CLASS = '1re SN (2015-2016)';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens a pupil's page through the selection form, as a teacher would; returns its URL path. */
export async function openPupil(page: Page, classe: string, apprenant: string): Promise<string> {
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: classe });
  await expect(page).toHaveURL(/\/bilans\?classe=/);
  await page.getByLabel('Apprenant', { exact: true }).selectOption({ label: apprenant });
  await expect(
    page.getByRole('heading', { level: 1, name: `Bilan de ${apprenant}` }),
  ).toBeVisible();
  // The title is streamed after the page (generateMetadata): until it arrives the document
  // has none, and a check of the whole page (axe) would see a page still loading.
  await expect(page).toHaveTitle(new RegExp(`^Bilan de ${escapeRegExp(apprenant)} `));
  return new URL(page.url()).pathname;
}

/** The page a request comes from; null for a new tab's very first navigation, whose frame
 * Playwright does not know yet (`frame()` throws then) — a cached PDF opened straight away. */
function pageOf(request: Request): Page | null {
  try {
    return request.frame().page();
  } catch {
    return null;
  }
}

/**
 * Clicks a PDF button as a teacher does: the PDF opens in a new tab (Content-Disposition
 * inline) — a long class document after our waiting page (…/impression) — and returns that
 * tab's PDF — its URL, disposition, file name and bytes — read with the same session, and
 * closes the tab.
 */
export async function openPdf(page: Page, buttonName: string, click?: () => Promise<void>) {
  // Both listened for before the click: a cached PDF is ready, and the tab sent to it, within
  // milliseconds — before a listener attached to the new tab once it is known would hear it.
  const opening = page.context().waitForEvent('page');
  const tabRequest = page.context().waitForEvent('request', {
    predicate: (r) => /\/pdf(\?|$)/.test(r.url()) && pageOf(r) !== page,
    timeout: 120_000,
  });
  await (click ? click() : page.getByRole('link', { name: buttonName }).click());
  const tab = await opening;
  const request = await tabRequest;
  const response = await page.request.get(request.url());
  const disposition = response.headers()['content-disposition'] ?? '';
  await tab.close();
  return {
    url: request.url(),
    disposition,
    name: parseDisposition(disposition).parameters.filename ?? '',
    bytes: await response.body(),
  };
}

/**
 * A long class document's link: it opens a tab (`target="_blank"`) on our waiting page, which
 * asks where the print stands (…/impression/etat) every second, then shows the PDF. The tab's
 * questions are held until `whileWaiting` has read the page (the print goes on on the server
 * meanwhile); returns the PDF as `openPdf` does, and the answers the tab was given, in order.
 *
 * The tab is opened at the link's address with its route already in place, rather than by a
 * click and a route on the whole context: a context's route, removed once Chromium's PDF viewer
 * had been shown, hung once for three minutes (a full run under load) — the removal updates the
 * interception of every page of the context. A tab's own route goes with the tab.
 */
export async function openLongPdf(
  page: Page,
  buttonName: string,
  whileWaiting: (tab: Page) => Promise<void>,
) {
  const link = page.getByRole('link', { name: buttonName });
  await expect(link).toHaveAttribute('target', '_blank');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/impression(\?|$)/);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const answers: string[] = [];
  const tab = await page.context().newPage();
  try {
    await tab.route(/\/impression\/etat(\?|$)/, async (route) => {
      await held;
      const response = await route.fetch();
      answers.push(await response.text());
      await route.fulfill({ response });
    });
    const tabRequest = tab.waitForRequest((r) => /\/pdf(\?|$)/.test(r.url()), {
      timeout: 120_000,
    });
    await tab.goto(href!);
    await expect(tab).toHaveURL(/\/impression(\?|$)/);
    await whileWaiting(tab);
    release();
    const request = await tabRequest;
    const response = await page.request.get(request.url());
    const disposition = response.headers()['content-disposition'] ?? '';
    return {
      url: request.url(),
      disposition,
      name: parseDisposition(disposition).parameters.filename ?? '',
      bytes: await response.body(),
      answers,
    };
  } finally {
    release();
    await tab.close();
  }
}

/** A write (« alimentation ») or PRONOTE token, created by the administrator on their page. */
export async function createToken(
  adminPage: Page,
  section: 'alimentation' | 'pronote',
): Promise<string> {
  await adminPage.goto(`/administration/${section}`);
  await adminPage.getByLabel('Libellé (pour le reconnaître)').fill(`e2e ${section}`);
  await adminPage.getByRole('button', { name: 'Créer le jeton' }).click();
  // Shown once, on the page, in the block that says what to do with it.
  return adminPage.getByRole('status').locator('code').innerText();
}

/** The nine competences of bac pro CIEL, by code. */
export const CIEL_CODES = ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];

/** A CIEL bilan as the write API takes it: every competence at `niveau`, no mark by default. */
export function cielBilan(
  apprenantId: string,
  date: string,
  fields: {
    constats: string;
    conseils: string;
    niveau: string;
    valide: boolean;
    notes?: unknown[];
  },
) {
  return {
    apprenant: { id: apprenantId },
    referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
    date,
    constats: fields.constats,
    conseils: fields.conseils,
    positionnements: Object.fromEntries(CIEL_CODES.map((c) => [c, fields.niveau])),
    notes: fields.notes ?? [],
    valide: fields.valide,
  };
}

/** `PUT /api/alimentation/v1/bilans/<source>` with a token. */
export function putBilan(request: APIRequestContext, token: string, source: string, body: unknown) {
  return request.put(`/api/alimentation/v1/bilans/${source}`, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    data: body,
  });
}

/** The pupil's id in a link to their page (`/bilans/<id>[/…][?classe=…]`). */
export function pupilIdOf(href: string): string {
  return new URL(href, 'http://cpro.invalid').pathname.split('/')[2] ?? '';
}

/**
 * The hidden fields React renders in a Server Action's form (its action, its bound arguments):
 * what a post of that form carries, for tests that post it as another user would.
 */
export function actionFormFields(html: string, formLabel: string): Record<string, string> {
  const start = html.indexOf(`aria-label="${formLabel}"`);
  if (start < 0) throw new Error(`no form named ${formLabel}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    fields[match[1]!] = (match[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return fields;
}
