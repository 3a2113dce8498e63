// The write API under a school's history (issue #28), on PostgreSQL, production server:
//  - 10 000 bilans of 9 positionnements (CIEL) then 10 000 of 21 (SN) through POST /lots:
//    bilans per second, against a raw multi-row INSERT of the same rows (bilans,
//    positionnements, notes, validation: what the batch must write, without its checks) in the
//    same run — the floor, written as the batch writes (insertRows: one array per column, no
//    statement to build) so that it is the database's work alone; target: the API at least
//    half of it;
//  - a teacher's bilan page while each batch runs: p50 / p95 against the idle page (≤ 2×),
//    and while the raw INSERT runs (from this process: its own JS work counts there too);
//  - single PUTs, 10 senders at once, 50 each: p50 / p95.
//
//   npm run build && npx tsx --conditions=react-server bench/alimentation.ts   (BENCH_DATABASE_URL as bench/import.ts)
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { connectPostgres } from '@/lib/db/connect';
import { createScratchDatabase } from '@/lib/db/testing';
import { seedDemo } from '@/drizzle/seed/seed';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { DEMO_UAI } from '@/drizzle/seed/demo-data';
import {
  apprenants,
  bilans,
  competences,
  notes,
  positionnements,
  referentiels,
} from '@/lib/db/schema';
import { insertRows } from '@/lib/db/insert-rows';
import { arrayLiteral } from '@/lib/db/array-literal';
import { createApiToken } from '@/lib/auth/api-tokens';
import { readSiecleUpload } from '@/lib/administration/siecle/read';
import { applySiecle } from '@/lib/administration/siecle/apply';
import { siecleFile } from '@/lib/administration/siecle/testing';
import { median, percentile, signIn, startServer } from './server';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PORT = 3211;
const LINES = 10_000;
const PUPILS = 2_000;
const LEVELS = ['NE', '-', '-+', '+', '++'] as const;

const scratch = await createScratchDatabase(ADMIN_URL, 'cpro_bench_alimentation');
const connection = connectPostgres(scratch.url, { poolSize: 4, statementTimeoutMs: 0 });
const db = connection.db;
let server: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  await connection.migrate();
  await seedDemo(db);
  // 2 000 pupils with an INE in the demo establishment, through the SIECLE import.
  const ines = Array.from({ length: PUPILS }, (_, i) => `${String(700000000 + i)}BN`);
  const fichier = await readSiecleUpload(
    siecleFile(
      DEMO_UAI,
      2026,
      ines.map((ine, i) => ({
        eleveId: String(900000 + i),
        ine,
        nom: `BENCH${i}`,
        prenom: 'Élève',
        mef: '24725517310',
        division: `BENCH${String(Math.floor(i / 30)).padStart(3, '0')}`,
      })),
    ),
    DEMO_UAI,
  );
  await applySiecle(
    { db, etablissementId: DEMO_IDS.etablissement, acteur: { kind: 'script', libelle: 'bench' } },
    fichier,
    new Map(),
  );
  const { jeton } = await createApiToken(db, 'alimentation', DEMO_IDS.etablissement, 'bench');
  const refs = new Map<string, { id: string; codes: { id: string; code: string }[] }>();
  for (const code of ['BAC-PRO-CIEL', 'BAC-PRO-SN']) {
    const [ref] = await db
      .select({ id: referentiels.id, version: referentiels.version })
      .from(referentiels)
      .where(eq(referentiels.code, code));
    const codes = await db
      .select({ id: competences.id, code: competences.code })
      .from(competences)
      .where(eq(competences.referentielId, ref!.id))
      .orderBy(competences.rang);
    refs.set(code, { id: ref!.id, codes });
  }
  const apprenantIds = new Map(
    (
      await db
        .select({ id: apprenants.id, ine: apprenants.ine })
        .from(apprenants)
        .where(eq(apprenants.etablissementId, DEMO_IDS.etablissement))
    ).map((r) => [r.ine ?? '', r.id] as const),
  );

  const line = (prefix: string, code: string, i: number) => {
    const ref = refs.get(code)!;
    return {
      source: `${prefix}:${i}`,
      apprenant: { ine: ines[i % PUPILS]! },
      referentiel: { code, version: code === 'BAC-PRO-CIEL' ? '2023' : '2016' },
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      constats: 'Bilan de l’historique, importé en lot.',
      conseils: 'Poursuivre les efforts.',
      positionnements: Object.fromEntries(ref.codes.map((k, j) => [k.code, LEVELS[(i + j) % 5]!])),
      notes: [
        { libelle: 'Évaluation pratique', valeur: 8 + (i % 12), coefficient: 2 },
        { libelle: 'Oral', valeur: 10 + (i % 10), coefficient: 1 },
      ],
      valide: true,
    };
  };

  server = await startServer({
    port: PORT,
    dataDir: '.data/bench-alimentation',
    env: { DATABASE_URL: scratch.url },
  });
  const cookie = await signIn(server.url, 'enseignant@lycee-demo.test');
  const pageUrl = `${server.url}/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}`;
  const pageTime = async () => {
    const started = performance.now();
    const response = await fetch(pageUrl, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`page ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 10; i++) await pageTime();
  const idle: number[] = [];
  for (let i = 0; i < 60; i++) idle.push(await pageTime());

  /** Multi-row INSERTs of the same rows, no checks: the floor the batch is compared with. */
  async function rawFloor(code: string): Promise<{ ms: number; during: number[] }> {
    const ref = refs.get(code)!;
    const rows = Array.from({ length: LINES }, (_, i) => line('raw', code, i));
    const during: number[] = [];
    let done = false;
    const measuring = (async () => {
      while (!done) during.push(await pageTime());
    })();
    const started = performance.now();
    await db.transaction(async (tx) => {
      for (let start = 0; start < LINES; start += 500) {
        const part = rows.slice(start, start + 500);
        const ids = part.map(() => crypto.randomUUID());
        await insertRows(
          tx,
          bilans,
          ['id', 'apprenantId', 'referentielId', 'date', 'constats', 'conseils'],
          part.map((r, i) => ({
            id: ids[i]!,
            apprenantId: apprenantIds.get(r.apprenant.ine)!,
            referentielId: ref.id,
            date: r.date,
            constats: r.constats,
            conseils: r.conseils,
          })),
        );
        const levels = part.flatMap((r, i) =>
          ref.codes.map((k) => ({
            bilanId: ids[i]!,
            competenceId: k.id,
            niveau: r.positionnements[k.code] as (typeof LEVELS)[number],
          })),
        );
        await insertRows(tx, positionnements, ['bilanId', 'competenceId', 'niveau'], levels);
        await insertRows(
          tx,
          notes,
          ['bilanId', 'libelle', 'valeur', 'coefficient'],
          part.flatMap((r, i) =>
            r.notes.map((n) => ({
              bilanId: ids[i]!,
              libelle: n.libelle,
              valeur: n.valeur.toFixed(2),
              coefficient: n.coefficient.toFixed(2),
            })),
          ),
        );
        await tx.execute(
          sql`update bilans set valide_le = now() where id = any(${arrayLiteral(ids)}::uuid[])`,
        );
      }
    });
    const ms = performance.now() - started;
    done = true;
    await measuring;
    return { ms, during };
  }

  async function throughLots(prefix: string, code: string) {
    const body = Array.from({ length: LINES }, (_, i) =>
      JSON.stringify(line(prefix, code, i)),
    ).join('\n');
    const during: number[] = [];
    let done = false;
    const started = performance.now();
    const posting = fetch(`${server!.url}/api/alimentation/v1/lots`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jeton}`, 'Content-Type': 'application/x-ndjson' },
      body,
    }).then(async (response) => {
      const text = await response.text();
      done = true;
      return {
        status: response.status,
        results: text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { statut: string }),
      };
    });
    while (!done) {
      during.push(await pageTime());
    }
    const { status, results } = await posting;
    const ms = performance.now() - started;
    const created = results.filter((r) => r.statut === 'cree').length;
    if (status !== 200 || created !== LINES)
      throw new Error(`lot ${prefix}: ${status}, ${created} créés`);
    return { ms, during };
  }

  const report: string[] = [];
  // `npx tsx … bench/alimentation.ts 21` measures the SN batch only.
  const only = process.argv[2] ? Number(process.argv[2]) : null;
  for (const [prefix, code, n] of (
    [
      ['l9', 'BAC-PRO-CIEL', 9],
      ['l21', 'BAC-PRO-SN', 21],
    ] as const
  ).filter(([, , count]) => only === null || count === only)) {
    const lot = await throughLots(prefix, code);
    const raw = await rawFloor(code);
    const apiRate = LINES / (lot.ms / 1000);
    const rawRate = LINES / (raw.ms / 1000);
    report.push(
      `| ${n} | ${(lot.ms / 1000).toFixed(2)} s | ${apiRate.toFixed(0)} | ${(raw.ms / 1000).toFixed(2)} s | ${rawRate.toFixed(0)} | ${(apiRate / rawRate).toFixed(2)} | ${median(lot.during).toFixed(1)} / ${percentile(lot.during, 95).toFixed(1)} ms (n = ${lot.during.length}) | ${(percentile(lot.during, 95) / percentile(idle, 95)).toFixed(2)}× | ${median(raw.during).toFixed(1)} / ${percentile(raw.during, 95).toFixed(1)} ms |`,
    );
    console.log(report.at(-1));
  }

  // Single PUTs: 10 senders at once, 50 each, every one a new source.
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async (_, sender) => {
      for (let k = 0; k < 50; k++) {
        const i = sender * 50 + k;
        const { source, ...payload } = line('put', 'BAC-PRO-CIEL', i);
        const t = performance.now();
        const response = await fetch(`${server!.url}/api/alimentation/v1/bilans/${source}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${jeton}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        await response.arrayBuffer();
        if (response.status !== 201) throw new Error(`PUT ${source}: ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const putSeconds = (performance.now() - started) / 1000;

  console.log(
    `\nIdle bilan page: p50 ${median(idle).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms (n = 60)`,
  );
  console.log(
    '\n| positionnements | /lots (10 000) | bilans/s | raw INSERT | bilans/s | API / raw | page during /lots p50 / p95 | p95 / idle p95 | page during raw INSERT p50 / p95 |',
  );
  console.log(
    '| --------------- | -------------- | -------- | ---------- | -------- | --------- | --------------------------- | -------------- | -------------------------------- |',
  );
  for (const row of report) console.log(row);
  console.log(
    `\nSingle PUT, 10 senders × 50: p50 ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ${(500 / putSeconds).toFixed(0)} bilans/s`,
  );
} finally {
  await server?.stop();
  await connection.close();
  await scratch.drop();
}
