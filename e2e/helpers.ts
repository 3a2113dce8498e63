// Shared steps of the e2e tests: the demo accounts and signing in through the real form.
import { expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../drizzle/seed/demo-ids';

export const PASSWORD: string = DEMO_PASSWORD;
export const TEACHER: string = DEMO_ACCOUNTS.enseignant;
export const STAFF: string = DEMO_ACCOUNTS.vieScolaire;
export const OTHER_TEACHER: string = DEMO_ACCOUNTS.enseignantVoisin;

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

/**
 * Clicks a PDF button as a teacher does: the PDF opens in a new tab (Content-Disposition
 * inline); returns that tab's PDF — its URL, disposition, file name and bytes — read with the
 * same session, and closes the tab.
 */
export async function openPdf(page: Page, buttonName: string, click?: () => Promise<void>) {
  const opening = page.context().waitForEvent('page');
  await (click ? click() : page.getByRole('link', { name: buttonName }).click());
  const tab = await opening;
  const request = await tab.waitForRequest((r) => /\/pdf(\?|$)/.test(r.url()), { timeout: 60_000 });
  const response = await page.request.get(request.url());
  const disposition = response.headers()['content-disposition'] ?? '';
  await tab.close();
  return {
    url: request.url(),
    disposition,
    name: decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? ''),
    bytes: await response.body(),
  };
}
