// What a PDF looks like on paper, read with poppler as a reviewer would: the words of each
// page and their boxes (`pdftotext -bbox-layout`), hence the smallest printed text, and the
// text of each page (for running headers and pages per pupil).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PdfWord {
  page: number;
  /** The page's height and width, in points. */
  pageHeight: number;
  pageWidth: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function withFile<T>(bytes: Buffer | Uint8Array, work: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-pdf-'));
  const file = path.join(dir, 'document.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return work(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word of every page with its box, in points from the page's top-left corner. */
export function pdfWords(bytes: Buffer | Uint8Array): PdfWord[] {
  const xhtml = withFile(bytes, (file) =>
    execFileSync('pdftotext', ['-bbox-layout', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const words: PdfWord[] = [];
  let page = 0;
  let pageHeight = 0;
  let pageWidth = 0;
  for (const match of xhtml.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (match[1] !== undefined) {
      page++;
      pageWidth = Number(match[1]);
      pageHeight = Number(match[2]);
      continue;
    }
    words.push({
      page,
      pageHeight,
      pageWidth,
      text: decode(match[7]!),
      xMin: Number(match[3]),
      yMin: Number(match[4]),
      xMax: Number(match[5]),
      yMax: Number(match[6]),
    });
  }
  return words;
}

/**
 * poppler's word box runs from the font's ascent to its descent: its height is the font size
 * times (ascent − descent). 1.1165 for Liberation Sans, the module’s font (lib/ui/fonts; measured:
 * an 8 pt line prints 8.932 pt high, a 12 pt one 13.406 pt).
 */
const BOX_PER_POINT = 1.1165;

/** The font size of a word, in points, from its box. */
export const pointsOf = (w: PdfWord) => (w.yMax - w.yMin) / BOX_PER_POINT;

/** The text of each page (1-based index → text), in reading order. */
export function pageTexts(bytes: Buffer | Uint8Array): string[] {
  const out = withFile(bytes, (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  const pages = out.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/**
 * Inside the page's body: not in the top 8.5 mm nor the bottom 11 mm, where the running
 * headers and footers are (some stamped in Helvetica, whose poppler box is smaller for the
 * same size: their size is read from the font instead, pdf-text.ts fontSizes).
 */
export const inBody = (w: PdfWord) => w.yMax > 24 && w.yMin < w.pageHeight - 31;

/** The fonts of a PDF as poppler lists them (`pdffonts`): name, type, whether embedded. */
export function pdfFonts(
  bytes: Buffer | Uint8Array,
): { name: string; type: string; embedded: boolean }[] {
  const table = withFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  // Columns by position, from the header's dashes: name, type, encoding, emb, sub, uni, id.
  const [, dashes, ...rows] = table.split('\n');
  const starts = [...dashes!.matchAll(/-+/g)].map((m) => m.index);
  const cell = (row: string, i: number) => row.slice(starts[i], starts[i + 1]).trim();
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => ({ name: cell(row, 0), type: cell(row, 1), embedded: cell(row, 3) === 'yes' }));
}
