import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  addOutline,
  consecutiveFirstPages,
  loadPart,
  mergePdfParts,
  partLayout,
  type PartLayout,
} from './merge';
import { pupilFirstPages } from '@/lib/impression/classe/class-sections';
import { PDF_CREATOR, PDF_PRODUCER } from './metadata';

async function part(labels: string[], title?: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (title) doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const label of labels)
    doc.addPage([595.28, 841.89]).drawText(label, { x: 50, y: 700, font });
  return Buffer.from(await doc.save());
}

async function pagesText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The fonts of a PDF that carry no font file (a reader supplies its own): names of them. */
function unembeddedFonts(doc: PDFDocument): string[] {
  const missing: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font'))
      continue;
    const subtype = object.get(PDFName.of('Subtype'));
    // A composite font's glyphs are in its descendant, checked on its own.
    if (subtype === PDFName.of('Type0') || subtype === PDFName.of('Type3')) continue;
    const descriptor = object.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const file = ['FontFile', 'FontFile2', 'FontFile3'].some((f) => descriptor?.has(PDFName.of(f)));
    if (!file) missing.push(String(object.get(PDFName.of('BaseFont'))));
  }
  return missing;
}

describe('mergePdfParts', () => {
  it('embeds the font of what it stamps (no font a reader must supply)', async () => {
    // Parts without text of their own: any font in the result is the join's.
    const blank = async () => {
      const doc = await PDFDocument.create();
      doc.addPage([595.28, 841.89]).drawRectangle({ x: 50, y: 50, width: 10, height: 10 });
      return Buffer.from(await doc.save());
    };
    const merged = await mergePdfParts([await blank(), await blank()]);
    const doc = await PDFDocument.load(merged, { updateMetadata: false });
    expect(unembeddedFonts(doc)).toEqual([]);
    expect((await pagesText(merged))[1]).toContain('page 2 / 2');
  });

  it('keeps every part in order and numbers the joined pages as one document', async () => {
    const merged = await mergePdfParts(
      [await part(['couverture']), await part(['A1', 'A2']), await part(['B1'])],
      { title: 'Derniers bilans — 1re SN — 2015-2016' },
    );
    const pages = await pagesText(merged);
    expect(pages).toHaveLength(4);
    ['couverture', 'A1', 'A2', 'B1'].forEach((label, i) => {
      expect(pages[i]).toContain(label);
      expect(pages[i]).toContain(`page ${i + 1} / 4`);
    });
    const doc = await PDFDocument.load(merged, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Derniers bilans — 1re SN — 2015-2016');
    expect(doc.getCreator()).toBe(PDF_CREATOR);
    expect(doc.getProducer()).toBe(PDF_PRODUCER);
  });

  it('heads each pupil, starts each on an odd page for recto verso, one bookmark each', async () => {
    // Parts as Chromium prints them tagged: one outline entry per pupil's h1.
    async function tagged(pupils: [string, number][]): Promise<Buffer> {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const entries: { title: string; pageIndex: number }[] = [];
      for (const [name, pages] of pupils) {
        entries.push({
          title: `Bilan intermédiaire de compétences — ${name}`,
          pageIndex: doc.getPageCount(),
        });
        for (let p = 1; p <= pages; p++)
          doc.addPage([595.28, 841.89]).drawText(`contenu ${p}`, { x: 50, y: 700, font });
      }
      addOutline(doc, entries);
      return Buffer.from(await doc.save());
    }
    const parts = [
      await part(['couverture']),
      await tagged([
        ['HUBERT Angie', 3],
        ['MARTIN Zoé', 2],
      ]),
      await tagged([['ŁUKASZ Ana', 1]]),
    ];
    // The caller's rule (here the class document's recto verso) decides where sections start.
    const oddPages = (layouts: PartLayout[]) => pupilFirstPages(layouts, true);
    const sections = {
      label: (title: string, k: number) => ({
        bookmark: `${title.split(' — ')[1]} (${k})`,
        header: `${title.split(' — ')[1]} · 1re SN 2015-2016`,
      }),
      firstPages: oddPages,
    };
    const merged = await mergePdfParts(parts, { sections });
    const pages = await pagesText(merged);
    // couverture, blank, Angie ×3, blank, Zoé ×2, Łukasz: first pages 3, 7, 9.
    expect(pages).toHaveLength(9);
    expect(pages[1]).toBe('page 2 / 9');
    expect(pages[2]).toContain('HUBERT Angie · 1re SN 2015-2016');
    expect(pages[3]).toContain('page 2 / 3');
    expect(pages[6]).toContain('MARTIN Zoé · 1re SN 2015-2016');
    expect(pages[7]).toContain('page 2 / 2');
    // The module's own font, embedded: « Ł » as written.
    expect(pages[8]).toContain('ŁUKASZ Ana · 1re SN 2015-2016');
    const pdf = await getDocumentProxy(new Uint8Array(merged));
    const outline = (await pdf.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual([
      'HUBERT Angie (0)',
      'MARTIN Zoé (1)',
      'ŁUKASZ Ana (2)',
    ]);
    const firstPages = await Promise.all(
      outline.map(async (o) => pdf.getPageIndex((o.dest as [{ num: number; gen: number }])[0])),
    );
    expect(firstPages).toEqual([2, 6, 8]);
    // Without a rule, each section where it falls.
    const layouts = [
      { pageCount: 1, starts: [] },
      ...(await Promise.all(parts.slice(1).map(loadPart))).map(partLayout),
    ];
    expect(oddPages(layouts)).toEqual([3, 7, 9]);
    expect(consecutiveFirstPages(layouts)).toEqual([2, 5, 7]);
  });
});
