// End-of-term PDF load (issue #15): many teachers press « Générer en PDF » at once, each for
// another pupil, on a cold cache. For PDF_PARALLEL_PAGES = 1, 2 and 3 it measures 50
// distinct single-bilan PDFs asked one after another, then at once (50 teachers); ten
// distinct 30-pupil class documents one after another and at once; ten teachers asking for
// the same class; and 50 singles with a class document in the middle of them (fairness). Reports totals, p50/p95 latencies, statuses and the peak
// memory (PSS) of the whole Chromium tree.
//
//   npm run build && npx tsx bench/pdf-load.ts [pages…]   (default: 1 2 3)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openEmbedded } from '@/lib/db/connect';
import { hashPassword } from '@/lib/auth/ways/password/password';
import { migrateAndSeedDemo } from '@/lib/server/demo-database';
import { DEMO_IDS, DEMO_PASSWORD } from '@/drizzle/seed/demo-ids';
import { stableId } from '@/drizzle/seed/random';
import { DEMO_UAI } from '@/drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { rowsOf } from '@/lib/db/rows';
import { chromiumPssMiB, median, percentile, pupilPdfUrls, signIn, startServer } from './server';

const DATA_DIR = path.resolve('.data/bench-pdf-load');
const PORT = 3203;
const TEACHERS = 50;
const year = schoolYearOf(todayInParis());
// The 30-pupil Tle SN archive (21 competences, as the figures before CIEL), then two CIEL classes.
const classes = [
  stableId('classe', `${DEMO_UAI}|Tle SN|2015-2016`),
  ...['1re CIEL', '2de CIEL'].map((nom) => stableId('classe', `${DEMO_UAI}|${nom}|${year}`)),
];
/** Ten copies of the 30-pupil Tle SN (copyClass), filled in by prepareDatabase. */
const copiedClasses: string[] = [];

const COPIES = 10;

/**
 * Copies the 30-pupil Tle SN class (pupils, enrolments, bilans, levels, notes) as CPRO's writer would
 * create it — bilans open, filled, then validated — so that ten distinct 30-pupil class
 * documents can be asked at once.
 */
async function copyClass(db: Awaited<ReturnType<typeof openEmbedded>>['db'], n: number) {
  const source = classes[0]!;
  await db.transaction(async (tx) => {
    const run = (query: ReturnType<typeof sql>) => tx.execute(query);
    await run(sql`create temp table pupils on commit drop as
      select apprenant_id as old, gen_random_uuid() as new from inscriptions where classe_id = ${source}`);
    await run(sql`create temp table copies on commit drop as
      select b.id as old, gen_random_uuid() as new, p.new as apprenant
      from bilans b join pupils p on p.old = b.apprenant_id
      where b.date >= (select make_date(left(annee_scolaire, 4)::int, 9, 1) from classes where id = ${source})`);
    await run(sql`insert into classes (id, etablissement_id, referentiel_id, nom, annee_scolaire)
      select gen_random_uuid(), etablissement_id, referentiel_id, 'Tle SN copie ' || ${String(n)}, annee_scolaire
      from classes where id = ${source}`);
    await run(sql`insert into apprenants (id, etablissement_id, nom, prenom)
      select p.new, a.etablissement_id, a.nom, a.prenom
      from apprenants a join pupils p on p.old = a.id`);
    await run(sql`insert into inscriptions (apprenant_id, classe_id, annee_scolaire)
      select p.new, c.id, c.annee_scolaire
      from pupils p cross join classes c where c.nom = 'Tle SN copie ' || ${String(n)}`);
    await run(sql`insert into bilans (id, apprenant_id, referentiel_id, auteur_id, date, constats, conseils)
      select c.new, c.apprenant, b.referentiel_id, b.auteur_id, b.date, b.constats, b.conseils
      from bilans b join copies c on c.old = b.id`);
    await run(sql`insert into positionnements (bilan_id, competence_id, niveau)
      select c.new, p.competence_id, p.niveau from positionnements p join copies c on c.old = p.bilan_id`);
    await run(sql`insert into notes (bilan_id, libelle, valeur, coefficient)
      select c.new, n.libelle, n.valeur, n.coefficient from notes n join copies c on c.old = n.bilan_id`);
    await run(sql`update bilans b set valide_le = o.valide_le
      from copies c join bilans o on o.id = c.old
      where b.id = c.new and o.valide_le is not null`);
  });
}

/** 50 teachers of the demo establishment, so that each request comes from another one. */
async function prepareDatabase(): Promise<string[]> {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const connection = await openEmbedded(path.join(DATA_DIR, 'pglite'));
  const emails = Array.from({ length: TEACHERS }, (_, i) => `prof${i + 1}@lycee-demo.test`);
  try {
    await migrateAndSeedDemo(connection);
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const email of emails) {
      await connection.db.execute(sql`
        insert into utilisateurs (etablissement_id, email, nom, prenom, role, password_hash)
        values (${DEMO_IDS.etablissement}, ${email}, 'PROF', ${email}, 'enseignant', ${hash})`);
    }
    for (let n = 1; n <= COPIES; n++) await copyClass(connection.db, n);
    const rows = await connection.db.execute(
      sql`select id from classes where nom like 'Tle SN copie %' order by nom`,
    );
    copiedClasses.push(...rowsOf<{ id: string }>(rows).map((r) => r.id));
  } finally {
    await connection.close();
  }
  return emails;
}

interface Timed {
  ms: number;
  status: number;
}

async function timed(url: string, cookie: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

interface Burst {
  totalMs: number;
  p50: number;
  p95: number;
  statuses: Record<number, number>;
  peakPssMiB: number;
  times: Timed[];
}

async function burst(requests: { url: string; cookie: string }[]): Promise<Burst> {
  let peak = chromiumPssMiB();
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumPssMiB())), 100);
  const started = performance.now();
  const times = await Promise.all(requests.map((r) => timed(r.url, r.cookie)));
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  const statuses: Record<number, number> = {};
  for (const t of times) statuses[t.status] = (statuses[t.status] ?? 0) + 1;
  const ms = times.map((t) => t.ms);
  return { totalMs, p50: median(ms), p95: percentile(ms, 95), statuses, peakPssMiB: peak, times };
}

async function sequence(requests: { url: string; cookie: string }[]): Promise<number> {
  const started = performance.now();
  for (const r of requests) {
    const t = await timed(r.url, r.cookie);
    if (t.status !== 200) throw new Error(`${r.url} answered ${t.status}`);
  }
  return performance.now() - started;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const emails = await prepareDatabase();
const lines: string[] = [
  `machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
];

const pageCounts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
for (const parallel of pageCounts.length > 0 ? pageCounts : [1, 2, 3]) {
  const server = await startServer({
    port: PORT,
    dataDir: DATA_DIR,
    env: { PDF_CACHE_MAX_BYTES: '0', PDF_PARALLEL_PAGES: String(parallel) },
  });
  try {
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signIn(server.url, email));
    const singles: string[] = [];
    for (const classeId of classes) {
      singles.push(...(await pupilPdfUrls(server.url, cookies[0]!, classeId)));
    }
    const fifty = singles.slice(0, TEACHERS).map((url, i) => ({ url, cookie: cookies[i]! }));
    if (fifty.length < TEACHERS) throw new Error(`only ${fifty.length} bilans to print`);
    await timed(fifty[0]!.url, cookies[0]!); // warm browser

    const sequential = await sequence(fifty);
    const together = await burst(fifty);

    const classUrls = copiedClasses.map((id) => `${server.url}/classes/${id}/derniers-bilans/pdf`);
    const classSequential = await sequence(
      classUrls.map((url, i) => ({ url, cookie: cookies[i]! })),
    );
    const classTogether = await burst(classUrls.map((url, i) => ({ url, cookie: cookies[i]! })));
    // Ten teachers ask for the same 30-pupil class at once: printed once, shared.
    const sameClass = await burst(
      Array.from({ length: 10 }, (_, i) => ({ url: classUrls[0]!, cookie: cookies[10 + i]! })),
    );

    // Fairness: the 30-pupil class document asked in the middle of the fifty singles.
    const mixed = [
      ...fifty.slice(0, 25),
      { url: classUrls[0]!, cookie: cookies[49]! },
      ...fifty.slice(25),
    ];
    const mixedBurst = await burst(mixed);
    const classInMix = mixedBurst.times[25]!;
    const singlesInMix = mixedBurst.times.filter((_, i) => i !== 25).map((t) => t.ms);

    lines.push(
      `PDF_PARALLEL_PAGES=${parallel}`,
      `  50 singles one after another: ${s(sequential)}`,
      `  50 singles at once: ${s(together.totalMs)} (${(together.totalMs / sequential).toFixed(2)}× sequential), p50 ${s(together.p50)}, p95 ${s(together.p95)}, statuses ${JSON.stringify(together.statuses)}, peak Chromium PSS ${together.peakPssMiB.toFixed(0)} MiB`,
      `  ${classUrls.length} class documents (30 pupils each) one after another: ${s(classSequential)}; at once: ${s(classTogether.totalMs)} (${(classTogether.totalMs / classSequential).toFixed(2)}×), statuses ${JSON.stringify(classTogether.statuses)}, peak PSS ${classTogether.peakPssMiB.toFixed(0)} MiB`,
      `  10 teachers, the same 30-pupil class at once: ${s(sameClass.totalMs)}, statuses ${JSON.stringify(sameClass.statuses)}`,
      `  50 singles + the 30-pupil class at once: singles p50 ${s(median(singlesInMix))}, p95 ${s(percentile(singlesInMix, 95))}; class ${s(classInMix.ms)} (${classInMix.status}); total ${s(mixedBurst.totalMs)}, statuses ${JSON.stringify(mixedBurst.statuses)}`,
    );
    console.log(lines.slice(-6).join('\n'));
  } finally {
    await server.stop();
  }
}

console.log(`\n${lines.join('\n')}`);
