// Shared steps of the e2e tests: the demo accounts and signing in through the real form.
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'bilans-demo';
export const TEACHER = 'enseignant@lycee-demo.test';
export const STAFF = 'vie-scolaire@lycee-demo.test';
export const OTHER_TEACHER = 'enseignant@lycee-voisin.test';

export async function signIn(page: Page, email: string, password = PASSWORD, from = '/login') {
  await page.goto(from);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function signInAsTeacher(page: Page, email = TEACHER) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/bilans/);
}
