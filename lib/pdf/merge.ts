// Joins the parts of a long document printed one after another (Chromium's memory grows
// with the pages of ONE print: a long document is printed a few sections at a time), then
// numbers the joined pages « page X / Y » in the footer — something no single part could
// know — and names the module as the file's Creator and Producer.
//
// A part printed tagged has an outline: one top-level entry per h1, i.e. per section. From
// it the join knows where each section starts, and so can head every page of a section
// with the line the caller gives and the section's own « page n / m », place each section
// on the page the caller's layout rule says (blank pages before it where needed), and give
// the joined file one bookmark per section. What a section is, what its header says and
// where it must start are the caller's business (lib/impression/): the join knows none.
//
// The parts' tags are joined too (structure.ts): the document stays `Tagged: yes`, and what
// the join stamps (headers, page numbers) is marked as pagination artifacts, outside the
// text a screen reader reads.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  PDFStreamWriter,
  PDFString,
  type PDFPage,
  endMarkedContent,
  rgb,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { LIBERATION_SANS_TTF_BASE64 } from './fonts/liberation-sans';
import { PDF_CREATOR, PDF_PRODUCER } from './metadata';
import { StructureJoin, UnsupportedStructureError } from './structure';

/** A section as the join sees it: its bookmark title and its running header. */
export interface Section {
  bookmark: string;
  header: string;
}

/** A printed part's page count and the pages (0-based) where its sections start. */
export interface PartLayout {
  pageCount: number;
  starts: number[];
}

export interface SectionRules {
  /** Given the `k`-th section's outline title, its bookmark and running header. */
  label: (outlineTitle: string, k: number) => Section;
  /**
   * The joined document's page (1-based) on which each section starts, from the parts'
   * layouts (the first part, a cover, has no sections); blank pages fill the gaps.
   * Absent: each section where it falls.
   */
  firstPages?: (parts: PartLayout[]) => number[];
}

export interface MergeOptions {
  title?: string;
  /** Where the page number sits: the print pages' bottom-right margin box (mm from the edges). */
  numbering?: { rightMm: number; bottomMm: number; fontSizePt: number };
  /** Sections from the parts' outlines (after the first part); absent: no sections. */
  sections?: SectionRules;
  /** A bookmark for the first part too (a cover that is a document of its own). */
  coverBookmark?: string;
}

const MM = 72 / 25.4;
// The footer's slate-700 (#334155).
const SLATE_700 = rgb(0x33 / 255, 0x41 / 255, 0x55 / 255);

// pdf-lib yields to the event loop every N objects it parses or writes, with a
// setTimeout(0) that Node rounds up to 1 ms: at its defaults (100 and 50) a class document
// (tens of thousands of objects once tagged) spent more time waiting than working. Every
// 1500 objects is a few milliseconds of work between yields, so the server still answers
// other requests meanwhile (bench/pdf.ts: a bilan page while a class document prints).
const OBJECTS_PER_TICK = 1500;
const LOAD = { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK } as const;

/** The footer's « page X / Y », drawn where the print pages' CSS would have put it. */
export const DEFAULT_NUMBERING = { rightMm: 10, bottomMm: 7, fontSizePt: 8 };

/** An outline entry: its title, the page it opens and, in a tagged print, its heading. */
export interface OutlineEntry {
  title: string;
  pageIndex: number;
  element?: PDFRef;
}

/** The top-level outline entries of a tagged print, in order. */
export function outlineStarts(doc: PDFDocument): OutlineEntry[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const pages = doc.getPages().map((page) => page.ref.toString());
  const starts: OutlineEntry[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  for (let guard = 0; item && guard < 10_000; guard++) {
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const target = dest?.get(0);
    const pageIndex = target instanceof PDFRef ? pages.indexOf(target.toString()) : -1;
    const element = item.get(PDFName.of('SE'));
    if (pageIndex >= 0 && (title instanceof PDFHexString || title instanceof PDFString)) {
      starts.push({
        title: title.decodeText(),
        pageIndex,
        ...(element instanceof PDFRef ? { element } : {}),
      });
    }
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return starts;
}

/** Where each section starts (1-based) when nothing is inserted: where it falls. */
export function consecutiveFirstPages(parts: PartLayout[]): number[] {
  const firsts: number[] = [];
  let count = 0;
  for (const part of parts) {
    for (const start of part.starts) firsts.push(count + start + 1);
    count += part.pageCount;
  }
  return firsts;
}

/** A printed part, parsed once: for its layout, then for the join. */
export function loadPart(bytes: Buffer): Promise<PDFDocument> {
  return PDFDocument.load(bytes, LOAD);
}

/** A part's page count and the pages where its sections start (from its outline). */
export function partLayout(doc: PDFDocument): PartLayout {
  return { pageCount: doc.getPageCount(), starts: outlineStarts(doc).map((s) => s.pageIndex) };
}

/** The module's font (lib/pdf/fonts), read once, as fontkit sees it (which glyphs it has). */
let runningFont: { bytes: Uint8Array; glyphs: FontkitFont } | undefined;

function runningHeaderFont() {
  if (!runningFont) {
    const bytes = new Uint8Array(Buffer.from(LIBERATION_SANS_TTF_BASE64, 'base64'));
    runningFont = { bytes, glyphs: fontkit.create(bytes) as FontkitFont };
  }
  return runningFont;
}

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Text the font can draw: accents kept, anything else simplified or « ? ». */
function drawable(glyphs: FontkitFont, text: string): string {
  const has = (c: string) => glyphs.hasGlyphForCodePoint(c.codePointAt(0)!);
  if ([...text].every(has)) return text;
  return [...text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')]
    .map((c) => (has(c) ? c : '?'))
    .join('');
}

/** Stamped text is a pagination artifact: not content, and outside the structure tree. */
function asArtifact(page: PDFPage, draw: () => void): void {
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
      PDFName.of('Artifact'),
      // An inline property list: pdf-lib writes string operands as they are.
      '<< /Type /Pagination >>',
    ]),
  );
  draw();
  page.pushOperators(endMarkedContent());
}

/** Joins the parts, in order: the first is the cover (no sections), bytes or already parsed. */
export async function mergePdfParts(
  parts: readonly (Buffer | PDFDocument)[],
  options: MergeOptions = {},
): Promise<Buffer> {
  const merged = await PDFDocument.create();
  // Embedded (its glyphs used, subset), never a standard font a reader must supply: the
  // headers print the same on every reader, « Œ » and « Ł » included.
  merged.registerFontkit(fontkit);
  const { bytes: fontBytes, glyphs } = runningHeaderFont();
  const font = await merged.embedFont(fontBytes, { subset: true });
  const structure = new StructureJoin(merged);
  const sections: (Section & { firstIndex: number; pages: number[]; element?: PDFRef })[] = [];
  const sources = await Promise.all(
    parts.map((part) => (part instanceof PDFDocument ? part : loadPart(part))),
  );
  const starts = sources.map((source, index) =>
    options.sections && index > 0 ? outlineStarts(source) : [],
  );
  const layouts = sources.map((source, index) => ({
    pageCount: source.getPageCount(),
    starts: starts[index]!.map((s) => s.pageIndex),
  }));
  const firsts = (options.sections?.firstPages ?? consecutiveFirstPages)(layouts);
  for (const [index, source] of sources.entries()) {
    const pages = await merged.copyPages(source, source.getPageIndices());
    let copied = new Map<PDFRef, PDFRef>();
    try {
      copied = structure.addPart(source, pages);
    } catch (error) {
      if (!(error instanceof UnsupportedStructureError)) throw error;
      // Still a PDF, and a correct one; only its tags are lost.
      console.error('[pdf] structure des parties non jointe :', error.message);
      structure.abandon();
    }
    pages.forEach((page, i) => {
      const start = starts[index]!.find((s) => s.pageIndex === i);
      if (start && options.sections) {
        // Blank pages up to the section's first page (the caller's layout rule).
        const { width, height } = page.getSize();
        while (merged.getPageCount() < firsts[sections.length]! - 1) {
          merged.addPage([width, height]);
        }
        const element = start.element && copied.get(start.element);
        sections.push({
          ...options.sections.label(start.title, sections.length),
          firstIndex: merged.getPageCount(),
          pages: [],
          ...(element ? { element } : {}),
        });
      }
      merged.addPage(page);
      // Every page of a part after the first belongs to its latest section (each part starts
      // with one); blank pages added before a section belong to nobody.
      if (index > 0 && sections.length > 0) {
        sections[sections.length - 1]!.pages.push(merged.getPageCount() - 1);
      }
    });
  }
  const numbering = options.numbering ?? DEFAULT_NUMBERING;
  const total = merged.getPageCount();
  const draw = (pageIndex: number, text: string, where: 'left' | 'right', top: boolean) => {
    const page = merged.getPage(pageIndex);
    const safe = drawable(glyphs, text);
    const width = font.widthOfTextAtSize(safe, numbering.fontSizePt);
    asArtifact(page, () =>
      page.drawText(safe, {
        x:
          where === 'right'
            ? page.getWidth() - numbering.rightMm * MM - width
            : numbering.rightMm * MM,
        y: top ? page.getHeight() - 7 * MM : numbering.bottomMm * MM,
        size: numbering.fontSizePt,
        font,
        color: SLATE_700,
      }),
    );
  };
  for (let i = 0; i < total; i++) draw(i, `page ${i + 1} / ${total}`, 'right', false);
  // Each section's pages: its header, and its own « page n / m ».
  for (const section of sections) {
    section.pages.forEach((pageIndex, n) => {
      draw(pageIndex, section.header, 'left', true);
      draw(pageIndex, `page ${n + 1} / ${section.pages.length}`, 'right', true);
    });
  }
  const bookmarks: OutlineEntry[] = [
    ...(options.coverBookmark ? [{ title: options.coverBookmark, pageIndex: 0 }] : []),
    ...sections.map((s) => ({
      title: s.bookmark,
      pageIndex: s.firstIndex,
      ...(s.element && structure.tagged ? { element: s.element } : {}),
    })),
  ];
  if (bookmarks.length > 0) addOutline(merged, bookmarks);
  structure.finish();
  if (options.title) merged.setTitle(options.title);
  merged.setLanguage('fr-FR');
  merged.setCreator(PDF_CREATOR);
  merged.setProducer(PDF_PRODUCER);
  return Buffer.from(await save(merged));
}

/**
 * `doc.save({ useObjectStreams: true })`, yielding as promised. pdf-lib's writer yields when
 * its count of written objects is an exact multiple of objectsPerTick, but counts object
 * streams 50 objects at a time: past the first misaligned step it never yields again, and
 * compressing every object stream of a tagged class document stalled the server ≈ 0.1 s.
 * Object streams keep the file small; the parts' fonts are subsets, kept once per part.
 */
async function save(doc: PDFDocument): Promise<Uint8Array> {
  await doc.flush();
  const writer = PDFStreamWriter.forContext(doc.context, OBJECTS_PER_TICK);
  let written = 0;
  Object.assign(writer, {
    shouldWaitForTick: (n: number) => {
      written += n;
      if (written < OBJECTS_PER_TICK) return false;
      written = 0;
      return true;
    },
  });
  return writer.serializeToBuffer();
}

/**
 * A flat outline (bookmarks), each entry opening its page (and naming its heading in the
 * structure tree, when given); shown when the file opens.
 */
export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlinesRef,
      Dest: [doc.getPage(entry.pageIndex).ref, 'Fit'],
      ...(entry.element ? { SE: entry.element } : {}),
      ...(i > 0 ? { Prev: refs[i - 1]! } : {}),
      ...(i < refs.length - 1 ? { Next: refs[i + 1]! } : {}),
    });
    context.assign(refs[i]!, item);
  });
  context.assign(
    outlinesRef,
    context.obj({
      Type: 'Outlines',
      First: refs[0]!,
      Last: refs[refs.length - 1]!,
      Count: refs.length,
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
