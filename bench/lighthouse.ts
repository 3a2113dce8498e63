// Lighthouse (npm lighthouse@12.2.3, the last for Node 20) on every page of the module, with
// Debian's Chromium (or CHROMIUM_PATH): the login page signed out, then signed in the class
// page, a bilan page (HUBERT Angie), the class synthesis and « Préparation PRONOTE » (the
// administrator's home too). Mobile (Lighthouse's default: a mid-range phone, 4× CPU
// slowdown, slow 4G) `runs` times — performance median and range, total blocking time —,
// desktop once; and the client JavaScript each page loads (bytes on the wire and
// uncompressed, from Lighthouse's own network records).
//
//   npm run build && npx tsx --conditions=react-server bench/lighthouse.ts [runs]
// (npx fetches lighthouse@12.2.3 into its cache the first time.)
import { execFileSync } from 'node:child_process';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { CHROMIUM_ARGS, requireChromium } from '@/lib/pdf/find-chromium';
import { median, signIn, startServer } from './server';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const runs = Number(process.argv[2] ?? 3);

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    { score: number | null; numericValue?: number; details?: { items?: NetworkItem[] } }
  >;
}

function lighthouse(url: string, cookie: string | null, desktop: boolean): LighthouseReport {
  const json = execFileSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      `--only-categories=${CATEGORIES.join(',')}`,
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ...(desktop ? ['--preset=desktop'] : []),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CHROME_PATH: requireChromium().path },
    },
  );
  return JSON.parse(json) as LighthouseReport;
}

const score = (r: LighthouseReport, c: string) => Math.round((r.categories[c]?.score ?? 0) * 100);

const server = await startServer({ port: 3205, dataDir: '.data/bench-lighthouse' });
try {
  const teacher = await signIn(server.url, 'enseignant@lycee-demo.test');
  const admin = await signIn(server.url, 'administration@lycee-demo.test');
  const pages: [string, string, string | null][] = [
    ['login', '/login', null],
    ['classe', `/bilans?classe=${DEMO_IDS.classe}`, teacher],
    ['bilan', `/bilans/${DEMO_IDS.angie}`, teacher],
    ['synthèse', `/classes/${DEMO_IDS.classe}/synthese`, teacher],
    ['préparation PRONOTE', `/classes/${DEMO_IDS.classe}/pronote`, teacher],
    ['administration', '/administration', admin],
  ];
  for (const [name, path, cookie] of pages) {
    const url = `${server.url}${path}`;
    let mobile: LighthouseReport[];
    let desktop: LighthouseReport;
    try {
      mobile = Array.from({ length: runs }, () => lighthouse(url, cookie, false));
      desktop = lighthouse(url, cookie, true);
    } catch {
      // A page this build does not have (comparing with an older one): said, not fatal.
      console.log(`${name}: Lighthouse could not load ${path}`);
      continue;
    }
    const perf = mobile.map((r) => score(r, 'performance'));
    const tbt = mobile.map((r) => Math.round(r.audits['total-blocking-time']?.numericValue ?? 0));
    const scripts = (mobile[0]!.audits['network-requests']?.details?.items ?? []).filter(
      (i) => i.resourceType === 'Script',
    );
    const kib = (n: number) => (n / 1024).toFixed(1);
    const wire = scripts.reduce((a, i) => a + (i.transferSize ?? 0), 0);
    const raw = scripts.reduce((a, i) => a + (i.resourceSize ?? 0), 0);
    console.log(
      `${name}: mobile performance median ${median(perf)} (${perf.join(', ')}), TBT ${tbt.join(', ')} ms; ` +
        `accessibility ${score(mobile[0]!, 'accessibility')}, best practices ${score(mobile[0]!, 'best-practices')}; ` +
        `desktop ${CATEGORIES.map((c) => score(desktop, c)).join('/')}; ` +
        `client JS ${scripts.length} files, ${kib(wire)} KiB on the wire, ${kib(raw)} KiB uncompressed`,
    );
  }
} finally {
  await server.stop();
}
