// Server time of a bilan page and of a class page for a signed-in teacher, on the demo
// data: median and p90 of N sequential requests after a warm-up.
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
  const pages = {
    'bilan page (HUBERT Angie)': `/bilans/${angie}`,
    'class page (1re SN 2015-2016)': `/bilans?classe=${classe}`,
  };
  for (const [name, path] of Object.entries(pages)) {
    await timeRequests(server.url + path, cookie, 10);
    const times = await timeRequests(server.url + path, cookie, count);
    console.log(
      `${name}: median ${median(times).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms over ${count} requests`,
    );
  }
} finally {
  await server.stop();
}
