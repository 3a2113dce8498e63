// Joins the parts of a long document printed one after another (the class document is
// printed a few pupils at a time: Chromium's memory grows with the pages of ONE print, and
// a 30-pupil class printed in one go took it past 1 GiB), then numbers the joined pages
// « page X / Y » in the footer — something no single part could know — and names the
// module as the file's Creator and Producer.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PDF_CREATOR, PDF_PRODUCER } from './metadata';

export interface MergeOptions {
  title?: string;
  /** Where the page number sits: the print pages' bottom-right margin box (mm from the edges). */
  numbering?: { rightMm: number; bottomMm: number; fontSizePt: number };
}

const MM = 72 / 25.4;

/** The footer's « page X / Y », drawn where the print pages' CSS would have put it. */
export const DEFAULT_NUMBERING = { rightMm: 10, bottomMm: 7.2, fontSizePt: 6 };

export async function mergePdfParts(parts: Buffer[], options: MergeOptions = {}): Promise<Buffer> {
  const merged = await PDFDocument.create();
  for (const part of parts) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  const numbering = options.numbering ?? DEFAULT_NUMBERING;
  const font = await merged.embedFont(StandardFonts.Helvetica);
  const total = merged.getPageCount();
  merged.getPages().forEach((page, index) => {
    const text = `page ${index + 1} / ${total}`;
    const width = font.widthOfTextAtSize(text, numbering.fontSizePt);
    page.drawText(text, {
      x: page.getWidth() - numbering.rightMm * MM - width,
      y: numbering.bottomMm * MM,
      size: numbering.fontSizePt,
      font,
      // The footer's slate-700 (#334155).
      color: rgb(0x33 / 255, 0x41 / 255, 0x55 / 255),
    });
  });
  if (options.title) merged.setTitle(options.title);
  merged.setLanguage('fr-FR');
  merged.setCreator(PDF_CREATOR);
  merged.setProducer(PDF_PRODUCER);
  // Object streams keep the file small; the parts' fonts are subsets, kept once per part.
  return Buffer.from(await merged.save({ useObjectStreams: true }));
}
