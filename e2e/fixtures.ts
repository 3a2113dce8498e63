// The e2e suite's test function: `page` is signed in as the demo teacher (a session opened
// once by auth.setup.ts, kept in a storageState file), `neighbourPage` as the teacher of the
// other establishment, `staffPage` as the demo's vie scolaire account. A test that must start
// signed out uses `anonymousTest` (or `test.use({ storageState: SIGNED_OUT })`).
import path from 'node:path';
import { test as base, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ADMIN, OTHER_TEACHER, STAFF, TEACHER } from './accounts';

const STATE_DIR = path.resolve(import.meta.dirname, '..', '.data', 'e2e-auth');

export const AUTH_STATES = {
  teacher: { email: TEACHER, file: path.join(STATE_DIR, 'enseignant.json') },
  neighbour: { email: OTHER_TEACHER, file: path.join(STATE_DIR, 'enseignant-voisin.json') },
  staff: { email: STAFF, file: path.join(STATE_DIR, 'vie-scolaire.json') },
  admin: { email: ADMIN, file: path.join(STATE_DIR, 'administration.json') },
};

export const SIGNED_OUT = { cookies: [], origins: [] };

async function pageAs(
  browser: Browser,
  options: { baseURL: string | undefined; locale: string | undefined },
  file: string,
  provide: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ ...options, storageState: file });
  await provide(await context.newPage());
  await context.close();
}

export const test = base.extend<{
  neighbourPage: Page;
  staffPage: Page;
  /** The demo establishment's administrator (read only: the import spec owns its school). */
  adminPage: Page;
  /** HTTP requests without any session (the `request` fixture carries the teacher's). */
  anonymousRequest: APIRequestContext;
}>({
  storageState: AUTH_STATES.teacher.file,
  anonymousRequest: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    await provide(request);
    await request.dispose();
  },
  neighbourPage: ({ browser, baseURL, locale }, provide) =>
    pageAs(browser, { baseURL, locale }, AUTH_STATES.neighbour.file, provide),
  staffPage: ({ browser, baseURL, locale }, provide) =>
    pageAs(browser, { baseURL, locale }, AUTH_STATES.staff.file, provide),
  adminPage: ({ browser, baseURL, locale }, provide) =>
    pageAs(browser, { baseURL, locale }, AUTH_STATES.admin.file, provide),
});

/** Starts signed out (tests of the sign-in itself). */
export const anonymousTest = base;

export { expect } from '@playwright/test';
