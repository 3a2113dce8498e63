// « Saisie de la classe » on PostgreSQL, through HTTP as the grid saves: the production server
// connected as the application's least-privilege role; ten classes of this year on the SN
// referential (26 pupils × 21 competences, as a Tle SN), ten teachers each in one class's team.
// Each teacher types their whole class as the grid sends it: per pupil a save mid-row (the
// every-few-seconds save, 10 levels) and one when the row is left (21 levels), each from the
// version the previous one answered. Reports, in one run:
// - the grid's page beside a pupil's bilan page (medians, ratio; target ≤ 2×);
// - row saves of one teacher alone, then of the ten at once (p50, p95; target p95 ≤ 150 ms at
//   once), and that every row was written once (one draft per pupil, all 21 levels).
// Run: npm run build && TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//        npx tsx --conditions=react-server bench/saisie.ts
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { connectPostgres } from '@/lib/db/connect';
import { createScratchDatabase } from '@/lib/db/testing';
import { grantAppRole } from '@/lib/db/roles';
import { parseRows } from '@/lib/db/rows';
import { apprenants, classes, equipes, inscriptions, utilisateurs } from '@/lib/db/schema';
import { migrateAndSeedDemo } from '@/lib/server/demo-database';
import { hashPassword } from '@/lib/auth/ways/password/password';
import { stableId } from '@/drizzle/seed/random';
import { COMPETENCES_SN, REFERENTIEL_SN } from '@/drizzle/seed/referentiel-sn';
import { DEMO_IDS, DEMO_PASSWORD } from '@/drizzle/seed/demo-ids';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { median, percentile, signIn, startServer, timeRequests } from './server';

const CLASSES = 10;
const PUPILS = 26;
const LEVELS = ['NE', '-', '-+', '+', '++'] as const;
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('TEST_DATABASE_URL: the bench runs on PostgreSQL');

const year = schoolYearOf(todayInParis());
const referentielId = stableId('referentiel', REFERENTIEL_SN.code);
const codes = COMPETENCES_SN.map((c) => c.code);
const scratch = await createScratchDatabase(adminUrl, 'cpro_bench_saisie');
const role = `cpro_app_bench_${crypto.randomBytes(4).toString('hex')}`;

// The demo, then ten SN classes of this year with their pupils and one teacher each.
const owner = connectPostgres(scratch.url, { statementTimeoutMs: 0 });
await migrateAndSeedDemo(owner);
const passwordHash = await hashPassword(DEMO_PASSWORD);
const emails: string[] = [];
const classIds: string[] = [];
for (let c = 0; c < CLASSES; c++) {
  const classeId = stableId('classe', `bench-saisie|${c}`);
  const teacherId = stableId('utilisateur', `bench-saisie-${c}`);
  const email = `bench-saisie-${c}@lycee-demo.test`;
  classIds.push(classeId);
  emails.push(email);
  await owner.db.insert(classes).values({
    id: classeId,
    etablissementId: DEMO_IDS.etablissement,
    referentielId,
    nom: `Tle SN ${String.fromCharCode(65 + c)}`,
    anneeScolaire: year,
  });
  const pupils = Array.from({ length: PUPILS }, (_, p) => ({
    id: stableId('apprenant', `bench-saisie|${c}|${p}`),
    etablissementId: DEMO_IDS.etablissement,
    nom: `BANC${c}`,
    prenom: `Élève${String(p).padStart(2, '0')}`,
  }));
  await owner.db.insert(apprenants).values(pupils);
  await owner.db
    .insert(inscriptions)
    .values(pupils.map((p) => ({ apprenantId: p.id, classeId, anneeScolaire: year })));
  await owner.db.insert(utilisateurs).values({
    id: teacherId,
    etablissementId: DEMO_IDS.etablissement,
    role: 'enseignant',
    email,
    nom: 'BANC',
    prenom: `Saisie${c}`,
    passwordHash,
  });
  await owner.db
    .insert(equipes)
    .values({ classeId, utilisateurId: teacherId, origine: 'administration' });
}
await grantAppRole(owner.db, role);
const appUrl = new URL(scratch.url);
appUrl.username = role;
appUrl.password = '';

const dataDir = '.data/bench-saisie';
fs.rmSync(dataDir, { recursive: true, force: true });
const server = await startServer({
  port: 3204,
  dataDir,
  env: { DATABASE_URL: appUrl.toString(), LOG_LEVEL: 'warn' },
});

const pupilsOf = (c: number) =>
  Array.from({ length: PUPILS }, (_, p) => stableId('apprenant', `bench-saisie|${c}|${p}`));

const saveAnswer = z.object({ resultat: z.string(), source: z.string(), version: z.number() });

/** One row save as the grid posts it; answers its time and the draft's new version. */
async function saveRow(
  cookie: string,
  classeId: string,
  body: {
    apprenantId: string;
    source: string;
    version: number;
    niveaux: Record<string, string | null>;
  },
) {
  const started = performance.now();
  const response = await fetch(`${server.url}/classes/${classeId}/saisie/ligne`, {
    method: 'POST',
    headers: {
      cookie,
      origin: server.url,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
  const json = saveAnswer.parse(await response.json());
  const ms = performance.now() - started;
  if (json.resultat !== 'enregistre') throw new Error(`row save answered ${json.resultat}`);
  return { ms, source: json.source, version: json.version };
}

/** A teacher types their whole class: two saves per pupil (mid-row, then the row left). */
async function typeClass(cookie: string, c: number, round: number): Promise<number[]> {
  const times: number[] = [];
  for (const apprenantId of pupilsOf(c)) {
    const levels = Object.fromEntries(
      codes.map((code, i) => [code, LEVELS[(i + round) % LEVELS.length]!]),
    );
    const half = Object.fromEntries(codes.map((code, i) => [code, i < 10 ? levels[code]! : null]));
    const first = await saveRow(cookie, classIds[c]!, {
      apprenantId,
      source: sources.get(apprenantId) ?? '',
      version: versions.get(apprenantId) ?? 0,
      niveaux: half,
    });
    const second = await saveRow(cookie, classIds[c]!, {
      apprenantId,
      source: first.source,
      version: first.version,
      niveaux: levels,
    });
    sources.set(apprenantId, second.source);
    versions.set(apprenantId, second.version);
    times.push(first.ms, second.ms);
  }
  return times;
}
const sources = new Map<string, string>();
const versions = new Map<string, number>();

const line = (name: string, times: number[]) =>
  `${name}: p50 ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (n = ${times.length})`;

try {
  const cookies: string[] = [];
  for (const email of emails) cookies.push(await signIn(server.url, email));

  // 1. Row saves: one teacher alone (a warm-up round first), then the ten at once.
  await typeClass(cookies[0]!, 0, 0);
  const alone = await typeClass(cookies[0]!, 0, 1);
  console.log(line('row save, one teacher (26 × 21, 2 saves a pupil)', alone));
  const together = (await Promise.all(cookies.map((cookie, c) => typeClass(cookie, c, 2)))).flat();
  console.log(line(`row save, ${CLASSES} teachers of ${CLASSES} classes at once`, together));
  console.log(
    `at once / alone (p95): ${(percentile(together, 95) / percentile(alone, 95)).toFixed(2)}×`,
  );

  // Every row written once: one draft per pupil, its 21 levels.
  const check = connectPostgres(scratch.url, { statementTimeoutMs: 0 });
  const [counts] = parseRows(
    await check.db.execute(sql`
      select count(distinct b.apprenant_id)::int as pupils, count(*)::int as drafts,
             min((select count(*) from positionnements p where p.bilan_id = b.id))::int as levels
        from bilans b join inscriptions i on i.apprenant_id = b.apprenant_id
       where i.classe_id in ${classIds} and b.valide_le is null`),
    z.object({ pupils: z.number(), drafts: z.number(), levels: z.number() }),
  );
  await check.close();
  console.log(
    `drafts: ${counts!.drafts} for ${counts!.pupils} pupils (expected ${CLASSES * PUPILS}), each with ≥ ${counts!.levels} levels`,
  );

  // 2. The grid's page beside a pupil's bilan page (a demo pupil with bilans), alternating.
  const gridPage = `${server.url}/classes/${classIds[0]}/saisie`;
  const demoPupil = parseRows(
    await (async () => {
      const c = connectPostgres(scratch.url, { statementTimeoutMs: 0 });
      try {
        return await c.db.execute(sql`
          select b.apprenant_id as id from bilans b where b.referentiel_id = ${referentielId}
           and b.valide_le is not null group by b.apprenant_id order by count(*) desc limit 1`);
      } finally {
        await c.close();
      }
    })(),
    z.object({ id: z.string() }),
  )[0]!.id;
  const bilanPage = `${server.url}/bilans/${demoPupil}`;
  const teacherCookie = await signIn(server.url, 'enseignant@lycee-demo.test');
  await timeRequests(gridPage, cookies[0]!, 10);
  await timeRequests(bilanPage, teacherCookie, 10);
  const grid: number[] = [];
  const bilan: number[] = [];
  for (let i = 0; i < 40; i++) {
    bilan.push(...(await timeRequests(bilanPage, teacherCookie, 1)));
    grid.push(...(await timeRequests(gridPage, cookies[0]!, 1)));
  }
  console.log(line('bilan page (SN, 21 competences)', bilan));
  console.log(line(`grid page (${PUPILS} × ${codes.length})`, grid));
  console.log(`grid / bilan page (medians): ${(median(grid) / median(bilan)).toFixed(2)}×`);
} finally {
  await server.stop();
  await owner.close();
  await scratch.drop();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
}
