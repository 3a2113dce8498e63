// « Rédiger un bilan » on PostgreSQL, through HTTP as a browser without JavaScript posts it:
// the production server connected as the application's least-privilege role, ten teachers of
// one class's team each writing their own pupil's bilan. Reports, in one run:
// - the form's page beside the pupil's bilan page (medians, ratio; target ≤ 1.5×);
// - a draft's save alone, then with the ten teachers saving at once (p50, p95; target p95 ≤
//   150 ms at once): as a browser with JavaScript posts it (Chromium, the action's round trip
//   from the browser's own timing), and without (the form posted, the whole page answered);
// - a validation (« Confirmer la validation »: saved unchanged, then validated), ten at once.
// Run: npm run build && TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//        npx tsx --conditions=react-server bench/redaction.ts [saves per teacher]
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { connectPostgres } from '@/lib/db/connect';
import { createScratchDatabase } from '@/lib/db/testing';
import { grantAppRole } from '@/lib/db/roles';
import { parseRows } from '@/lib/db/rows';
import { equipes, utilisateurs } from '@/lib/db/schema';
import { migrateAndSeedDemo } from '@/lib/server/demo-database';
import { hashPassword } from '@/lib/auth/ways/password/password';
import { stableId } from '@/drizzle/seed/random';
import { DEMO_UAI } from '@/drizzle/seed/demo-data';
import { DEMO_IDS, DEMO_PASSWORD } from '@/drizzle/seed/demo-ids';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { actionFormFields } from '@/e2e/helpers';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from '@/lib/pdf/find-chromium';
import { median, percentile, signIn, startServer, timeRequests } from './server';

const SAVES = Number(process.argv[2] ?? 20);
const TEACHERS = 10;
const ROUNDS = 3;
const CIEL = ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('TEST_DATABASE_URL: the bench runs on PostgreSQL');

const today = todayInParis();
const tle = stableId('classe', `${DEMO_UAI}|Tle CIEL|${schoolYearOf(today)}`);
const scratch = await createScratchDatabase(adminUrl, 'cpro_bench_redaction');
const role = `cpro_app_bench_${crypto.randomBytes(4).toString('hex')}`;
const emails = Array.from({ length: TEACHERS }, (_, i) => `bench-redaction-${i}@lycee-demo.test`);

// The demo, ten teachers in Tle CIEL's team, and ten of its pupils without a draft.
const owner = connectPostgres(scratch.url, { statementTimeoutMs: 0 });
await migrateAndSeedDemo(owner);
const passwordHash = await hashPassword(DEMO_PASSWORD);
const teacherIds = emails.map((email) => stableId('utilisateur', email));
await owner.db.insert(utilisateurs).values(
  emails.map((email, i) => ({
    id: teacherIds[i]!,
    etablissementId: DEMO_IDS.etablissement,
    role: 'enseignant' as const,
    email,
    nom: 'BANC',
    prenom: `Essai${i}`,
    passwordHash,
  })),
);
await owner.db.insert(equipes).values(
  teacherIds.map((utilisateurId) => ({
    classeId: tle,
    utilisateurId,
    origine: 'administration',
  })),
);
const pupils = parseRows(
  await owner.db.execute(sql`
    select a.id from apprenants a join inscriptions i on i.apprenant_id = a.id
     where i.classe_id = ${tle} and i.sortie_le is null
       and not exists (select 1 from bilans b where b.apprenant_id = a.id and b.valide_le is null)
     order by a.nom, a.prenom limit ${TEACHERS}`),
  z.object({ id: z.string() }),
).map((r) => r.id);
if (pupils.length < TEACHERS) throw new Error('not enough pupils without a draft');
await grantAppRole(owner.db, role);
await owner.close();
const appUrl = new URL(scratch.url);
appUrl.username = role;
appUrl.password = '';

const dataDir = '.data/bench-redaction';
fs.rmSync(dataDir, { recursive: true, force: true });
const server = await startServer({
  port: 3203,
  dataDir,
  env: { DATABASE_URL: appUrl.toString(), LOG_LEVEL: 'warn' },
});

const formLabel = (html: string) =>
  /aria-label="(Rédiger le bilan de [^"]+)"/.exec(html)?.[1] ?? '';

/** The form as the page draws it (hidden fields included), ready to post. */
async function formOf(cookie: string, pupil: string): Promise<Record<string, string>> {
  const html = await (
    await fetch(`${server.url}/bilans/${pupil}/rediger`, { headers: { cookie } })
  ).text();
  return actionFormFields(html, formLabel(html).replace(/&#x27;/g, "'"));
}

/** One post of the form; answers the time and the page (or the redirect) it got. */
async function post(
  cookie: string,
  pupil: string,
  fields: Record<string, string>,
): Promise<{ ms: number; html: string; status: number }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const started = performance.now();
  const response = await fetch(`${server.url}/bilans/${pupil}/rediger`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { cookie, origin: server.url },
  });
  const html = await response.text();
  return { ms: performance.now() - started, html, status: response.status };
}

const complete = (constats: string) => ({
  date: today,
  constats,
  conseils: 'Conseils du banc d’essai.',
  ...Object.fromEntries(CIEL.map((c) => [`niveau:${c}`, '+'])),
});

/** A teacher's saves of their pupil's draft, each from the version the last one answered. */
async function saves(cookie: string, pupil: string, count: number): Promise<number[]> {
  let fields = await formOf(cookie, pupil);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await post(cookie, pupil, {
      ...fields,
      ...complete(`Constats n° ${i} — ${crypto.randomUUID()}`),
      intent: 'enregistrer',
    });
    if (!answer.html.includes('Brouillon enregistré')) {
      throw new Error(`save refused: ${/role="alert"[^>]*>([^<]+)/.exec(answer.html)?.[1]}`);
    }
    times.push(answer.ms);
    fields = actionFormFields(answer.html, formLabel(answer.html).replace(/&#x27;/g, "'"));
  }
  return times;
}

async function validation(cookie: string, pupil: string): Promise<number> {
  const fields = {
    ...(await formOf(cookie, pupil)),
    ...complete(`À valider ${crypto.randomUUID()}`),
  };
  const asked = await post(cookie, pupil, { ...fields, intent: 'valider' });
  if (!asked.html.includes('Confirmer la validation')) throw new Error('no confirmation');
  const confirmFields = actionFormFields(asked.html, formLabel(asked.html).replace(/&#x27;/g, "'"));
  const done = await post(cookie, pupil, { ...confirmFields, intent: 'confirmer' });
  if (done.status !== 303) {
    const alert = /role="alert"[^>]*>([^<]+)/.exec(done.html)?.[1];
    throw new Error(`validation answered ${done.status}: ${alert}`);
  }
  return done.ms;
}

/** A teacher's saves in Chromium with JavaScript: the action's round trip, as timed by it. */
async function browserSaves(
  browser: Browser,
  cookie: string,
  pupil: string,
  count: number,
): Promise<number[]> {
  const context = await browser.newContext({ baseURL: server.url });
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name: name!, value: value.join('='), url: server.url };
    }),
  );
  const page = await context.newPage();
  await page.goto(`/bilans/${pupil}/rediger`);
  for (const code of CIEL) {
    await page
      .getByRole('group', { name: new RegExp(`^${code} — `) })
      .getByRole('radio', { name: /^\+ Compétence/ })
      .check();
  }
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await page
      .getByLabel('Constats', { exact: true })
      .fill(`Avec JavaScript n° ${i} ${crypto.randomUUID()}`);
    // The action's request as the browser's resource timing has it (its body read whole),
    // once the form is drawn again (the button back from « Envoi… »).
    const fetches = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch')
          .map((e) => (e as PerformanceResourceTiming).responseEnd - e.startTime),
      );
    const before = (await fetches()).length;
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForFunction(
      (n) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch').length > n,
      before,
    );
    await page.getByRole('button', { name: 'Enregistrer le brouillon', disabled: false }).waitFor();
    times.push((await fetches()).at(-1)!);
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();
  }
  await context.close();
  return times;
}

const line = (name: string, times: number[]) =>
  `${name}: p50 ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (n = ${times.length})`;

try {
  const cookies: string[] = [];
  for (const email of emails) cookies.push(await signIn(server.url, email));

  // 1. The form's page beside the bilan page, alternating, after a warm-up.
  const bilanPage = `${server.url}/bilans/${pupils[0]}`;
  const formPage = `${server.url}/bilans/${pupils[0]}/rediger`;
  await timeRequests(bilanPage, cookies[0]!, 10);
  await timeRequests(formPage, cookies[0]!, 10);
  const bilan: number[] = [];
  const form: number[] = [];
  for (let i = 0; i < 40; i++) {
    bilan.push(...(await timeRequests(bilanPage, cookies[0]!, 1)));
    form.push(...(await timeRequests(formPage, cookies[0]!, 1)));
  }
  console.log(line('bilan page', bilan));
  console.log(line('« Rédiger un bilan » page', form));
  console.log(`form / bilan page (medians): ${(median(form) / median(bilan)).toFixed(2)}×`);

  // 2. Saves with JavaScript (Chromium): one teacher alone, then ten at once.
  const browser = await chromium.launch({
    executablePath: requireChromium().path,
    args: CHROMIUM_ARGS,
  });
  try {
    await browserSaves(browser, cookies[0]!, pupils[0]!, 3);
    const jsAlone = await browserSaves(browser, cookies[0]!, pupils[0]!, SAVES);
    console.log(line('draft save with JavaScript, one teacher', jsAlone));
    const jsTogether = (
      await Promise.all(
        cookies.map((cookie, i) => browserSaves(browser, cookie, pupils[i]!, SAVES)),
      )
    ).flat();
    console.log(line(`draft save with JavaScript, ${TEACHERS} teachers at once`, jsTogether));
  } finally {
    await browser.close();
  }

  // 3. Saves without JavaScript (the whole page answered): alone, then ten at once.
  await saves(cookies[0]!, pupils[0]!, 3);
  const alone = await saves(cookies[0]!, pupils[0]!, SAVES);
  console.log(line('draft save without JavaScript, one teacher', alone));
  const together = (
    await Promise.all(cookies.map((cookie, i) => saves(cookie, pupils[i]!, SAVES)))
  ).flat();
  console.log(line(`draft save without JavaScript, ${TEACHERS} teachers at once`, together));
  console.log(
    `at once / alone (p95): ${(percentile(together, 95) / percentile(alone, 95)).toFixed(2)}×`,
  );

  // 4. Validations, ten at once, a few rounds (each round starts a new bilan).
  const validations: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    validations.push(
      ...(await Promise.all(cookies.map((cookie, i) => validation(cookie, pupils[i]!)))),
    );
  }
  console.log(line(`validation (« Confirmer »), ${TEACHERS} at once`, validations));
} finally {
  await server.stop();
  await scratch.drop();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
}
