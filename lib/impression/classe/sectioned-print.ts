// Prints a document made of sections — a cover indexing each section's first page, then the
// sections a few at a time (class-parts.ts) — and joins it (lib/pdf/merge.ts), as one job
// of the printer: the class documents (one section per pupil). The sections' parts are
// printed first; each is parsed while Chromium prints the next (the machine's other core).
// The cover comes last, since its index needs every part's length, and it must know its
// own length too: it is printed for one page, and again only when it came out longer and
// that moves the index (a class of more pupils than one page lists).
import 'server-only';
import type { PDFDocument } from 'pdf-lib';
import {
  consecutiveFirstPages,
  loadPart,
  mergePdfParts,
  partLayout,
  type SectionRules,
} from '@/lib/pdf/merge';
import type { PdfRenderer, RenderOptions } from '@/lib/pdf/renderer';

/** A cover whose index moves its own end: printed again with the length it came out with. */
const COVER_PRINTS = 3;

export interface SectionedJob {
  /** Prints, cover included (classPartCount). */
  parts: number;
  /** The print page of part `part` (0: the cover, with its `pages=` index). */
  url: (part: number, index?: string) => string | Promise<string>;
  title?: string;
  /** The cover's own bookmark, when it is a document of its own (the council's synthesis). */
  coverBookmark?: string;
  /** Each section's bookmark and header, and the page it must start on. */
  sections: SectionRules;
  /** Told as the sections' parts get printed (how many, the cover not counted). */
  onSectionPartsPrinted?: (done: number) => void;
}

export async function printSectionedDocument(
  renderer: Pick<PdfRenderer, 'renderParts'>,
  job: SectionedJob,
  options: RenderOptions,
): Promise<Buffer> {
  const sectionParts = job.parts - 1;
  // Started as soon as a part is printed, awaited once the cover needs them.
  const parsed: Promise<PDFDocument>[] = [];
  let coverPages = 1;
  let lastIndex = '';
  let finalCover: PDFDocument | undefined;
  const prints = await renderer.renderParts(
    async (i, done) => {
      if (done.length <= sectionParts) job.onSectionPartsPrinted?.(done.length);
      while (parsed.length < Math.min(done.length, sectionParts)) {
        const parsing = loadPart(done[parsed.length]!);
        // Awaited below; until then a failure must not count as unhandled.
        parsing.catch(() => {});
        parsed.push(parsing);
      }
      if (i < sectionParts) return job.url(i + 1);
      const layouts = (await Promise.all(parsed)).map(partLayout);
      const firstPages = job.sections.firstPages ?? consecutiveFirstPages;
      const indexFor = (coverPages: number) =>
        firstPages([{ pageCount: coverPages, starts: [] }, ...layouts]).join(',') || '0';
      if (i > sectionParts) {
        const printed = await loadPart(done[i - 1]!);
        // Right as printed when its index holds for its actual length (the same length, or
        // a longer one that recto verso absorbs).
        if (indexFor(printed.getPageCount()) === lastIndex) {
          finalCover = printed;
          return null;
        }
        coverPages = printed.getPageCount();
      }
      lastIndex = indexFor(coverPages);
      return job.url(0, lastIndex);
    },
    sectionParts + COVER_PRINTS,
    options,
  );
  // Past COVER_PRINTS the last cover is kept unchecked: its index may be off by its growth.
  const cover = finalCover ?? (await loadPart(prints[prints.length - 1]!));
  return mergePdfParts([cover, ...(await Promise.all(parsed))], {
    title: job.title,
    sections: job.sections,
    ...(job.coverBookmark ? { coverBookmark: job.coverBookmark } : {}),
  });
}
