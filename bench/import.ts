// SIECLE import at the size of real lycées (issue #27): a file of 1 000, 2 000 and 4 000
// pupils (30 per division, ISO-8859-15, with the fields SIECLE exports that we ignore),
// previewed (read + plan: nothing written) and applied (one transaction) on PostgreSQL, each
// three times on a fresh establishment, median; then the same file applied again (nothing to
// change). Peak memory: the process's RSS and heap, sampled every 5 ms during each step.
// Target: preview and apply each ≤ 2 s for 2 000 pupils; cost growing linearly.
//
//   npx tsx --conditions=react-server bench/import.ts          (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
import { eq } from 'drizzle-orm';
import { connectPostgres } from '@/lib/db/connect';
import { createScratchDatabase } from '@/lib/db/testing';
import { seedDemo } from '@/drizzle/seed/seed';
import { etablissements } from '@/lib/db/schema';
import { readSiecleUpload } from '@/lib/administration/siecle/read';
import { loadEtat } from '@/lib/administration/siecle/state';
import { planImport } from '@/lib/administration/siecle/plan';
import { applySiecle } from '@/lib/administration/siecle/apply';
import { siecleFile, type EleveDeTest } from '@/lib/administration/siecle/testing';
import { median } from './server';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = [1000, 2000, 4000];
const ROUNDS = 3;
const NOMS = [
  'MARTIN',
  'BERNARD',
  'THOMAS',
  'PETIT',
  'ROBERT',
  'RICHARD',
  'DURAND',
  'DUBOIS',
  'MOREAU',
  'LAURENT',
  'CŒUR',
];
const PRENOMS = ['Léa', 'Hugo', 'Chloé', 'Noé', 'Zoé', 'Maël', 'Inès', 'Gabriel', 'Anaïs', 'Œdipe'];

function pupils(n: number): EleveDeTest[] {
  return Array.from({ length: n }, (_, i) => ({
    eleveId: String(100000 + i),
    ine: i % 50 === 7 ? null : `${String(100000000 + i).padStart(9, '0')}AB`,
    nom: `${NOMS[i % NOMS.length]}-${i}`,
    prenom: PRENOMS[i % PRENOMS.length]!,
    mef: i % 3 === 0 ? '24725517310' : '24625517310',
    division: `DIV${String(Math.floor(i / 30)).padStart(3, '0')}`,
    groupes: [`G${i % 7}`],
  }));
}

async function sampled<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; rssMiB: number; heapMiB: number; result: T }> {
  global.gc?.();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  return { ms, rssMiB: rss / 1048576, heapMiB: heap / 1048576, result };
}

const scratch = await createScratchDatabase(ADMIN_URL, 'cpro_bench_import');
const connection = connectPostgres(scratch.url, { poolSize: 4, statementTimeoutMs: 0 });
try {
  await connection.migrate();
  await seedDemo(connection.db);
  const db = connection.db;
  const rows: string[] = [];
  let uaiCounter = 0;
  for (const n of SIZES) {
    const previews: number[] = [];
    const applies: number[] = [];
    const reapplies: number[] = [];
    let rss = 0;
    let heap = 0;
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const uai = `0888${String(uaiCounter++).padStart(3, '0')}B`;
      const [etab] = await db
        .insert(etablissements)
        .values({ uai, nom: `Bench ${uai}` })
        .returning({ id: etablissements.id });
      const file = siecleFile(uai, 2026, pupils(n));
      bytes = file.length;
      const preview = await sampled(async () => {
        const fichier = await readSiecleUpload(file, uai);
        return planImport(fichier, await loadEtat(db, etab!.id, fichier.anneeScolaire));
      });
      if (preview.result.nouveaux.length !== n - 0)
        throw new Error(`aperçu : ${preview.result.nouveaux.length} nouveaux sur ${n}`);
      const apply = await sampled(async () => {
        const fichier = await readSiecleUpload(file, uai);
        return applySiecle(
          { db, etablissementId: etab!.id, acteur: { kind: 'script', libelle: 'bench' } },
          fichier,
          new Map(),
        );
      });
      const again = await sampled(async () => {
        const fichier = await readSiecleUpload(file, uai);
        return applySiecle(
          { db, etablissementId: etab!.id, acteur: { kind: 'script', libelle: 'bench' } },
          fichier,
          new Map(),
        );
      });
      if (again.result.inchanges !== n)
        throw new Error(`réapplication : ${again.result.inchanges} inchangés sur ${n}`);
      previews.push(preview.ms);
      applies.push(apply.ms);
      reapplies.push(again.ms);
      rss = Math.max(rss, preview.rssMiB, apply.rssMiB, again.rssMiB);
      heap = Math.max(heap, preview.heapMiB, apply.heapMiB, again.heapMiB);
      const [check] = await db
        .select({ id: etablissements.id })
        .from(etablissements)
        .where(eq(etablissements.uai, uai));
      if (!check) throw new Error('établissement perdu');
    }
    rows.push(
      `| ${n} | ${(bytes / 1048576).toFixed(1)} MiB | ${(median(previews) / 1000).toFixed(3)} s | ${(median(applies) / 1000).toFixed(3)} s | ${(median(reapplies) / 1000).toFixed(3)} s | ${rss.toFixed(0)} MiB | ${heap.toFixed(0)} MiB |`,
    );
    console.log(
      `${n} élèves : aperçu ${previews.map((m) => m.toFixed(0)).join('/')} ms, application ${applies.map((m) => m.toFixed(0)).join('/')} ms, réapplication ${reapplies.map((m) => m.toFixed(0)).join('/')} ms`,
    );
  }
  console.log(
    '\n| pupils | file | preview (median of 3) | apply | apply again | peak RSS | peak heap |',
  );
  console.log(
    '| ------ | ---- | --------------------- | ----- | ----------- | -------- | --------- |',
  );
  for (const row of rows) console.log(row);
} finally {
  await connection.close();
  await scratch.drop();
}
