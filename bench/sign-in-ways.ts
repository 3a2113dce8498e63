// What one sign-in costs, by each way in: the local password, the ENT by OpenID Connect and
// the ENT by CAS — each driven in a real browser from the click on /login to the landing on
// /bilans, against the e2e's test ENT (a real oidc-provider and the CAS server written from
// the specification, both on loopback, so that their own time is close to nothing). Prints
// per way, over `rounds` sign-ins in fresh browser contexts after a warm-up:
//  - the whole sign-in (click → /bilans committed), median and p90;
//  - CPRO's own part: the time to first byte of CPRO's answers in the chain (the sign-in
//    routes and next-auth's callbacks, not the final page nor the ENT's pages), median;
//  - how many requests reached CPRO.
//
//   npm run build && npx tsx --conditions=react-server bench/sign-in-ways.ts [rounds=15]
import { chromium, type Page, type Request } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '@/lib/pdf/find-chromium';
import { CAS_LABEL } from '../e2e/ent/cas-server';
import { OIDC_LABEL, TEST_ENT_ENV, startTestEnt } from '../e2e/ent/test-ent';
import { median, percentile, startServer } from './server';

const rounds = Number(process.argv[2] ?? 15);
const port = 3291;

const stopEnt = await startTestEnt(`http://localhost:${port}`);
const server = await startServer({ port, dataDir: '.data/bench-sign-in', env: TEST_ENT_ENV });
const browser = await chromium.launch({
  executablePath: requireChromium().path,
  args: CHROMIUM_ARGS,
});

type Way = 'mot de passe' | 'OpenID Connect' | 'CAS';

const WAYS: Record<Way, (page: Page) => Promise<void>> = {
  async 'mot de passe'(page) {
    await page.getByLabel('Adresse électronique').fill('enseignant@lycee-demo.test');
    await page.getByLabel('Mot de passe').fill('bilans-demo');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  },
  async 'OpenID Connect'(page) {
    await page.getByRole('button', { name: `Se connecter avec ${OIDC_LABEL}` }).click();
    await page.locator('input[name="login"]').fill('ent-sophie');
    await page.locator('input[name="password"]').fill('peu-importe');
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    await Promise.race([
      page.waitForURL(/\/bilans$/, { waitUntil: 'commit' }),
      consent.click(),
    ]).catch(() => undefined);
  },
  async CAS(page) {
    await page.getByRole('button', { name: `Se connecter avec ${CAS_LABEL}` }).click();
    await page.getByLabel('Identifiant').fill('sophie.lefevre');
    await page.getByRole('button', { name: 'Se connecter au CAS' }).click();
  },
};

interface Measure {
  totalMs: number;
  cproMs: number;
  cproRequests: number;
}

async function signInOnce(way: Way): Promise<Measure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  const requests: Request[] = [];
  page.on('requestfinished', (request) => requests.push(request));
  const started = performance.now();
  await WAYS[way](page);
  await page.waitForURL(/\/bilans$/, { waitUntil: 'commit' });
  const totalMs = performance.now() - started;
  // CPRO's answers on the way: documents and fetches to our origin, not the final page.
  const ours = requests.filter((request) => {
    const url = new URL(request.url());
    return (
      url.origin === server.url &&
      url.pathname !== '/bilans' &&
      ['document', 'fetch', 'xhr'].includes(request.resourceType())
    );
  });
  const cproMs = ours.reduce((sum, request) => {
    const timing = request.timing();
    return sum + Math.max(0, timing.responseStart - timing.requestStart);
  }, 0);
  if (
    !(await page
      .getByText('Sophie LEFÈVRE')
      .isVisible()
      .catch(() => false))
  ) {
    await page.getByText('Sophie LEFÈVRE').waitFor({ timeout: 10_000 });
  }
  await context.close();
  return { totalMs, cproMs, cproRequests: ours.length };
}

try {
  const results = new Map<Way, Measure[]>();
  for (const way of Object.keys(WAYS) as Way[]) {
    for (let i = 0; i < 3; i++) await signInOnce(way); // warm-up
    results.set(way, []);
  }
  // Interleaved, so that the machine's state weighs on every way alike.
  for (let round = 0; round < rounds; round++) {
    for (const way of Object.keys(WAYS) as Way[]) {
      results.get(way)?.push(await signInOnce(way));
    }
  }
  console.log(`Sign-in by each way in (${rounds} sign-ins each, fresh browser context each):`);
  for (const [way, measures] of results) {
    const totals = measures.map((m) => m.totalMs);
    const cpro = measures.map((m) => m.cproMs);
    console.log(
      `  ${way.padEnd(15)} whole sign-in p50 ${median(totals).toFixed(0)} ms, p90 ${percentile(totals, 90).toFixed(0)} ms; ` +
        `CPRO's answers p50 ${median(cpro).toFixed(0)} ms over ${measures[0]?.cproRequests ?? 0} requests`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  await stopEnt();
}
