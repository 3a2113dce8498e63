// Lighthouse (npm lighthouse@12.2.3, the last for Node 20) on HUBERT Angie's bilan page,
// signed in, with Debian's Chromium (or CHROMIUM_PATH): the four scores, desktop and mobile.
//
//   npm run build && npx tsx --conditions=react-server bench/lighthouse.ts
// (npx fetches lighthouse@12.2.3 into its cache the first time.)
import { execFileSync } from 'node:child_process';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { CHROMIUM_ARGS, requireChromium } from '@/lib/pdf/find-chromium';
import { signIn, startServer } from './server';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; title: string }>;
}

const server = await startServer({ port: 3205, dataDir: '.data/bench-lighthouse' });
try {
  const cookie = await signIn(server.url, 'enseignant@lycee-demo.test');
  const url = `${server.url}/bilans/${DEMO_IDS.angie}`;
  for (const preset of ['desktop', 'mobile'] as const) {
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
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CHROME_PATH: requireChromium().path },
      },
    );
    const report = JSON.parse(json) as LighthouseReport;
    const scores = CATEGORIES.map(
      (c) => `${c} ${Math.round((report.categories[c]?.score ?? 0) * 100)}`,
    );
    console.log(`${preset}: ${scores.join(', ')}`);
    const failing = Object.entries(report.audits)
      .filter(([, a]) => a.score !== null && a.score < 1)
      .map(([id, a]) => `${id} (${a.score})`);
    console.log(`  audits below 1: ${failing.join(', ') || 'none'}`);
  }
} finally {
  await server.stop();
}
