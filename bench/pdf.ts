// PDF benchmark, end to end through our route handlers on the demo data (issue #4; the
// end-of-term load of many teachers is bench/pdf-load.ts):
//  - one bilan, warm browser, not cached, against a browser launched per request;
//  - a class of 30 in one document, against its pupils printed one by one (on our warm
//    reused page, and the naive way with a fresh browser context per PDF);
//  - a colleague's bilan page while a class document prints, against an idle server;
//  - a cached PDF;
//  - 20 simultaneous requests: every answer is a PDF or a 503, peak Chromium memory,
//    and no Chromium left once the server has stopped.
// Run: npm run build && npx tsx bench/pdf.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { stableId } from '@/drizzle/seed/random';
import { DEMO_UAI } from '@/drizzle/seed/demo-data';
import {
  chromiumPssMiB,
  median,
  pupilPdfUrls,
  rendererPids,
  signIn,
  startServer,
  type BenchServer,
} from './server';

const DATA_DIR = '.data/bench-pdf';
const PORT = 3202;
const CLASS_KEY = `${DEMO_UAI}|Tle SN|2015-2016`;
const classeId = stableId('classe', CLASS_KEY);

async function timed(url: string, cookie: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  return {
    ms: performance.now() - started,
    status: response.status,
  };
}

async function withServer<T>(
  env: Record<string, string>,
  work: (s: BenchServer, cookie: string) => Promise<T>,
): Promise<T> {
  const server = await startServer({ port: PORT, dataDir: DATA_DIR, env });
  try {
    return await work(server, await signIn(server.url, 'enseignant@lycee-demo.test'));
  } finally {
    await server.stop();
  }
}

/** Every Chromium process on the machine (children may not carry our flag once orphaned). */
function allChromium(): number {
  try {
    return Number(execFileSync('pgrep', ['-c', 'chrom'], { encoding: 'utf8' }).trim());
  } catch {
    return 0;
  }
}
const chromiumBefore = allChromium();

const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
fs.rmSync(DATA_DIR, { recursive: true, force: true });
const report: string[] = [];

// 1. A browser launched for every PDF (the browser is recycled after each job).
const launchPerRequest = await withServer(
  { PDF_CACHE_MAX_BYTES: '0', PDF_RECYCLE_AFTER: '1' },
  async (server, cookie) => {
    const urls = (await pupilPdfUrls(server.url, cookie, classeId)).slice(0, 10);
    await timed(urls[0]!, cookie);
    const times: number[] = [];
    for (const url of urls) times.push((await timed(url, cookie)).ms);
    return median(times);
  },
);

// 2. Warm browser, cache off: one bilan, the class in one go, the class pupil by pupil.
const warm = await withServer({ PDF_CACHE_MAX_BYTES: '0' }, async (server, cookie) => {
  const urls = await pupilPdfUrls(server.url, cookie, classeId);
  await timed(urls[0]!, cookie);
  await timed(urls[1]!, cookie);
  const single: number[] = [];
  for (const url of urls.slice(0, 15)) single.push((await timed(url, cookie)).ms);
  const classUrl = `${server.url}/classes/${classeId}/derniers-bilans/pdf`;
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await timed(classUrl, cookie);
    if (r.status !== 200) throw new Error(`class PDF answered ${r.status}`);
    whole.push(r.ms);
  }
  // A colleague's bilan page while a class document prints (the join runs on the server's
  // event loop, Chromium on the cores), against the same page on an idle server.
  const pageUrl = urls[0]!.replace(/\/pdf$/, '');
  const idle: number[] = [];
  for (let i = 0; i < 40; i++) idle.push((await timed(pageUrl, cookie)).ms);
  const during: number[] = [];
  for (let i = 0; i < 3; i++) {
    let printed = false;
    const printing = timed(classUrl, cookie).finally(() => (printed = true));
    while (!printed) during.push((await timed(pageUrl, cookie)).ms);
    await printing;
  }
  // The class synthesis (« Imprimer la synthèse »): one landscape page, 30 pupils × 21.
  const syntheseUrl = `${server.url}/classes/${classeId}/synthese/pdf`;
  const synthese: number[] = [];
  for (let i = 0; i < 6; i++) {
    const r = await timed(syntheseUrl, cookie);
    if (r.status !== 200) throw new Error(`synthesis PDF answered ${r.status}`);
    if (i > 0) synthese.push(r.ms);
  }
  const oneByOne: number[] = [];
  for (let i = 0; i < 2; i++) {
    let total = 0;
    for (const url of urls) total += (await timed(url, cookie)).ms;
    oneByOne.push(total);
  }
  return {
    pupils: urls.length,
    single: median(single),
    whole: median(whole),
    synthese: median(synthese),
    oneByOne: median(oneByOne),
    pageIdle: { median: median(idle), max: Math.max(...idle) },
    pageDuring: { median: median(during), max: Math.max(...during), n: during.length },
  };
});

// 3. The naive way: every pupil's PDF in a fresh browser context (cache off).
const freshContextOneByOne = await withServer(
  { PDF_CACHE_MAX_BYTES: '0', PDF_CONTEXT_PER_JOB: '1' },
  async (server, cookie) => {
    const urls = await pupilPdfUrls(server.url, cookie, classeId);
    await timed(urls[0]!, cookie);
    let total = 0;
    for (const url of urls) total += (await timed(url, cookie)).ms;
    return total;
  },
);

// 4. Cache on: a cached PDF, then 20 simultaneous requests and the memory they take.
const load = await withServer({}, async (server, cookie) => {
  const urls = await pupilPdfUrls(server.url, cookie, classeId);
  const printed = (await timed(urls[0]!, cookie)).ms;
  const cached: number[] = [];
  for (let i = 0; i < 20; i++) cached.push((await timed(urls[0]!, cookie)).ms);
  // A hit costs no print: far below the first request (the production build says nothing of it).
  if (median(cached) > printed / 3) throw new Error('expected cache hits');
  let peak = chromiumPssMiB();
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumPssMiB())), 100);
  const burst = await Promise.all(urls.slice(1, 21).map((url) => timed(url, cookie)));
  clearInterval(sampler);
  const statuses = burst.reduce<Record<number, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );
  return { cached: median(cached), statuses, peak, pidsWhileRunning: rendererPids().length };
});
let leftovers = allChromium() - chromiumBefore;
for (let i = 0; i < 50 && leftovers > 0; i++) {
  await new Promise((r) => setTimeout(r, 100));
  leftovers = allChromium() - chromiumBefore;
}

report.push(
  `machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
report.push(`one bilan, browser launched per request: median ${fmt(launchPerRequest)}`);
report.push(
  `one bilan, warm, not cached:            median ${fmt(warm.single)} → ${(launchPerRequest / warm.single).toFixed(1)}× faster`,
);
report.push(`class of ${warm.pupils}, one document:            median ${fmt(warm.whole)}`);
report.push(
  `a bilan page, idle server:              median ${warm.pageIdle.median.toFixed(1)} ms, max ${warm.pageIdle.max.toFixed(1)} ms`,
);
report.push(
  `a bilan page while a class document prints: median ${warm.pageDuring.median.toFixed(1)} ms, max ${warm.pageDuring.max.toFixed(1)} ms (${warm.pageDuring.n} pages)`,
);
report.push(`class synthesis, one landscape page:    median ${fmt(warm.synthese)} (not cached)`);
report.push(
  `class of ${warm.pupils}, pupil by pupil:          median ${fmt(warm.oneByOne)} → one document ${(warm.oneByOne / warm.whole).toFixed(1)}× faster`,
);
report.push(
  `class of ${warm.pupils}, pupil by pupil, fresh context each: ${fmt(freshContextOneByOne)} → one document ${(freshContextOneByOne / warm.whole).toFixed(1)}× faster`,
);
report.push(`cached PDF:                             median ${load.cached.toFixed(1)} ms`);
report.push(
  `20 simultaneous requests:               ${JSON.stringify(load.statuses)}; peak Chromium PSS ${load.peak.toFixed(0)} MiB`,
);
report.push(`Chromium processes left 5 s after stop: ${leftovers}`);
console.log(report.join('\n'));
