// The ENT ways in on PostgreSQL and on several servers (e2e/cluster/cluster-setup.ts): an
// OpenID Connect and a CAS sign-in in a browser through nginx, and a CAS sign-in whose two
// legs reach different instances (the `etat` cookie and the session are good on both).
import { expect, test } from '@playwright/test';
import { CAS_URL } from '../ent/cas-server';
import { OIDC_LABEL } from '../ent/test-ent';
import { CLUSTER } from './cluster-state';

const [PORT_1, PORT_2] = CLUSTER.instancePorts;
const direct = (port: number) => `http://127.0.0.1:${port}`;

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

test('OpenID Connect through nginx: the linked teacher lands on /bilans', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: `Se connecter avec ${OIDC_LABEL}` }).click();
  await page.locator('input[name="login"]').fill('ent-sophie');
  await page.locator('input[name="password"]').fill('peu-importe');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await expect(page).toHaveURL(/\/bilans$/);
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();
});

test('CAS through nginx: the linked teacher lands on /bilans; a deactivated one is refused', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('button', { name: /^Se connecter avec Skolengo/ }).click();
  await page.getByLabel('Identifiant').fill('sophie.lefevre');
  await page.getByRole('button', { name: 'Se connecter au CAS' }).click();
  await expect(page).toHaveURL(/\/bilans$/);
  await expect(page.getByText('Sophie LEFÈVRE')).toBeVisible();

  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByRole('button', { name: /^Se connecter avec Skolengo/ }).click();
  await page.getByLabel('Identifiant').fill('marc.durand');
  await page.getByRole('button', { name: 'Se connecter au CAS' }).click();
  await expect(page.getByRole('heading', { name: 'Compte désactivé' })).toBeVisible();
});

test('a CAS sign-in started on one instance ends on the other', async () => {
  const start = await fetch(`${direct(PORT_1)}/login/cas`, { redirect: 'manual' });
  expect(start.status).toBe(303);
  const state = cookiesOf(start);
  const service = new URL(start.headers.get('location')!).searchParams.get('service')!;
  expect(service.startsWith(`${CLUSTER.publicUrl}/login/cas?etat=`)).toBe(true);

  const issued = await fetch(`${CAS_URL}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ service, username: 'sophie.lefevre' }),
  });
  const back = new URL(issued.headers.get('location')!);
  const finish = await fetch(`${direct(PORT_2)}${back.pathname}${back.search}`, {
    redirect: 'manual',
    headers: { cookie: state.join('; ') },
  });
  expect(finish.status).toBe(303);
  expect(finish.headers.get('location')).toBe('/bilans');
  const session = cookiesOf(finish).find((c) => c.includes('session-token='));
  expect(session).toBeTruthy();

  const home = await fetch(`${direct(PORT_1)}/bilans`, {
    redirect: 'manual',
    headers: { cookie: session! },
  });
  expect(home.status).toBe(200);
  // « Connecté en tant que Sophie LEFÈVRE » (React separates the words with comments).
  expect(await home.text()).toMatch(/Connecté en tant que <\/span>Sophie(<!-- -->| )+LEFÈVRE/);
});
