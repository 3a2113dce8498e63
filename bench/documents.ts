// The class council's paper, measured on the demo data (issue #29): for Tle SN (2015-2016,
// 21 competences) and Tle CIEL (this year, 9 competences), the class document's pages per
// pupil and its empty pages, the synthesis' pages and smallest text (poppler's word boxes),
// and the time of the council pack (synthesis + every pupil's latest bilan) for 30 pupils.
// Run: npm run build && npx tsx bench/documents.ts [runs]
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { stableId } from '@/drizzle/seed/random';
import { ARCHIVE_YEAR, DEMO_UAI } from '@/drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { outlineStarts } from '@/lib/pdf/merge';
import { pageTexts, pdfWords, pointsOf } from '@/e2e/pdf-layout';
import { median, signIn, startServer } from './server';

const DATA_DIR = '.data/bench-documents';
const PORT = 3206;
const runs = Number(process.argv[2] ?? 3);
const CLASSES = [
  { nom: 'Tle SN', annee: ARCHIVE_YEAR },
  { nom: 'Tle CIEL', annee: schoolYearOf(todayInParis()) },
];

async function pdf(url: string, cookie: string): Promise<{ bytes: Buffer; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { bytes, ms };
}

/** Pages of each pupil's section (from the bookmarks), and pages with nothing but a header. */
async function pagesPerPupil(bytes: Buffer) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const total = doc.getPageCount();
  const starts = outlineStarts(doc).map((s) => s.pageIndex);
  const lengths = starts.map((start, i) => (starts[i + 1] ?? total) - start);
  const texts = pageTexts(bytes);
  const empty = texts.filter((t) => t.replace(/page \d+ \/ \d+|CPRO ·.*/g, '').trim() === '');
  return {
    total,
    pupils: starts.length,
    mean: lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length),
    max: Math.max(...lengths),
    beforeFirst: starts[0] ?? total,
    blank: empty.length,
  };
}

function smallestText(bytes: Buffer) {
  const words = pdfWords(bytes).filter((w) => w.text.trim() !== '');
  const smallest = Math.min(...words.map(pointsOf));
  const example = words.find((w) => pointsOf(w) === smallest);
  return { smallest, example: example?.text ?? '' };
}

fs.rmSync(DATA_DIR, { recursive: true, force: true });
const server = await startServer({
  port: PORT,
  dataDir: DATA_DIR,
  env: { PDF_CACHE_MAX_BYTES: '0' },
});
const lines: string[] = [];
try {
  const cookie = await signIn(server.url, 'enseignant@lycee-demo.test');
  for (const { nom, annee } of CLASSES) {
    const classeId = stableId('classe', `${DEMO_UAI}|${nom}|${annee}`);
    const base = `${server.url}/classes/${classeId}`;
    const classe = await pdf(`${base}/derniers-bilans/pdf`, cookie);
    const c = await pagesPerPupil(classe.bytes);
    lines.push(
      `${nom} ${annee} — derniers bilans: ${c.total} pages, ${c.pupils} pupils, ` +
        `${c.mean.toFixed(2)} pages per pupil (max ${c.max}), ${c.beforeFirst} page(s) before the first pupil, ${c.blank} page(s) without content`,
    );
    const synthese = await pdf(`${base}/synthese/pdf`, cookie);
    const s = smallestText(synthese.bytes);
    const syntheseDoc = await PDFDocument.load(synthese.bytes, { updateMetadata: false });
    lines.push(
      `${nom} ${annee} — synthèse: ${syntheseDoc.getPageCount()} page(s), smallest text ${s.smallest.toFixed(2)} pt (« ${s.example} »)`,
    );
    const pack = `${base}/conseil/pdf`;
    const probe = await fetch(pack, { headers: { cookie } });
    await probe.arrayBuffer();
    if (probe.status === 200) {
      const times: number[] = [];
      let last: Buffer = Buffer.alloc(0);
      for (let i = 0; i < runs; i++) {
        const r = await pdf(pack, cookie);
        times.push(r.ms);
        last = r.bytes;
      }
      const p = await pagesPerPupil(last);
      lines.push(
        `${nom} ${annee} — dossier du conseil: median ${(median(times) / 1000).toFixed(2)} s over ${runs} (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}), ${p.total} pages, ${p.pupils} sections`,
      );
    } else {
      lines.push(`${nom} ${annee} — dossier du conseil: ${probe.status} (not built)`);
    }
  }
} finally {
  await server.stop();
}
console.log(lines.join('\n'));
