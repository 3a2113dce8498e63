// Server time of a bilan page, a class page and a class synthesis (30 pupils × 21
// competences) for a signed-in teacher, on the demo data: median and p90 of N sequential
// requests after a warm-up, and the synthesis / bilan page ratio of the same run.
// Run: npm run build && npx tsx bench/page-time.ts [N]
import fs from 'node:fs';
import { stableId } from '@/drizzle/seed/random';
import { median, percentile, signIn, startServer, timeRequests } from './server';

const count = Number(process.argv[2] ?? 50);
const dataDir = '.data/bench-pages';
fs.rmSync(dataDir, { recursive: true, force: true });
const server = await startServer({ port: 3201, dataDir });
try {
  const cookie = await signIn(server.url, 'enseignant@lycee-demo.test');
  const angie = stableId('apprenant', '0999001W|1re SN|2015-2016', 'HUBERT', 'Angie');
  const classe = stableId('classe', '0999001W|1re SN|2015-2016');
  const tle = stableId('classe', '0999001W|Tle SN|2015-2016');
  const pages = {
    'bilan page (HUBERT Angie)': `/bilans/${angie}`,
    'class page (1re SN 2015-2016)': `/bilans?classe=${classe}`,
    'class synthesis (Tle SN 2015-2016, 30 × 21)': `/classes/${tle}/synthese`,
  };
  const medians: number[] = [];
  for (const [name, path] of Object.entries(pages)) {
    await timeRequests(server.url + path, cookie, 10);
    const times = await timeRequests(server.url + path, cookie, count);
    medians.push(median(times));
    console.log(
      `${name}: median ${median(times).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms over ${count} requests`,
    );
  }
  console.log(`synthesis / bilan page (medians): ${(medians[2]! / medians[0]!).toFixed(2)}×`);
} finally {
  await server.stop();
}
