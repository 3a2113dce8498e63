import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { addOutline, type PartLayout } from '@/lib/pdf/merge';
import { pupilFirstPages } from './class-sections';
import type { PartUrl } from '@/lib/pdf/renderer';
import { printSectionedDocument } from './sectioned-print';

/**
 * A printer that "prints" URLs like Chromium would: a pupils' part is `pupils` pupils of
 * 2 pages each (one outline entry per pupil), the cover is `coverPages(index)` pages.
 */
function fakeRenderer(coverPages: (index: string) => number) {
  const printed: string[] = [];
  return {
    printed,
    renderParts: async (url: PartUrl, parts: number) => {
      const pdfs: Buffer[] = [];
      for (let part = 0; part < parts; part++) {
        const next = await url(part, pdfs);
        if (next === null) break;
        printed.push(next);
        const doc = await PDFDocument.create();
        const [, partie, pages] = /partie=(\d+)(?:&pages=(.*))?/.exec(next) ?? [];
        if (partie === '0') {
          const count = coverPages(pages ?? '');
          for (let p = 0; p < count; p++) doc.addPage();
        } else {
          const entries = [0, 1, 2].map((k) => ({
            title: `Bilan — Élève ${partie}.${k}`,
            pageIndex: 2 * k,
          }));
          for (let p = 0; p < 6; p++) doc.addPage();
          addOutline(doc, entries);
        }
        pdfs.push(Buffer.from(await doc.save()));
      }
      return pdfs;
    },
  };
}

const job = (rectoVerso = false) => ({
  parts: 3,
  url: (part: number, index?: string) => `/p?partie=${part}${index ? `&pages=${index}` : ''}`,
  sections: {
    label: (title: string) => ({ bookmark: title, header: title }),
    firstPages: (layouts: PartLayout[]) => pupilFirstPages(layouts, rectoVerso),
  },
});

async function firstPages(bytes: Buffer): Promise<number[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const outline = (await pdf.getOutline()) ?? [];
  return Promise.all(
    outline.map(
      async (o) => 1 + (await pdf.getPageIndex((o.dest as [{ num: number; gen: number }])[0])),
    ),
  );
}

describe('printSectionedDocument', () => {
  it('prints the pupils first, then a one-page cover once, whose index is right', async () => {
    const renderer = fakeRenderer(() => 1);
    const bytes = await printSectionedDocument(renderer, job(), {});
    expect(renderer.printed).toEqual([
      '/p?partie=1',
      '/p?partie=2',
      '/p?partie=0&pages=2,4,6,8,10,12',
    ]);
    expect(await firstPages(bytes)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('prints a cover again when it came out longer and that moves its index', async () => {
    // A long class list: the cover takes three pages whatever its index says.
    const renderer = fakeRenderer(() => 3);
    const bytes = await printSectionedDocument(renderer, job(), {});
    expect(renderer.printed.filter((u) => u.includes('partie=0'))).toEqual([
      '/p?partie=0&pages=2,4,6,8,10,12',
      '/p?partie=0&pages=4,6,8,10,12,14',
    ]);
    expect(await firstPages(bytes)).toEqual([4, 6, 8, 10, 12, 14]);
  });

  it('keeps a longer cover whose index still holds (recto verso absorbs its second page)', async () => {
    const renderer = fakeRenderer(() => 2);
    const bytes = await printSectionedDocument(renderer, job(true), {});
    expect(renderer.printed.filter((u) => u.includes('partie=0'))).toEqual([
      '/p?partie=0&pages=3,5,7,9,11,13',
    ]);
    // Cover on pages 1–2: the first pupil still starts on page 3, with no blank before.
    expect(await firstPages(bytes)).toEqual([3, 5, 7, 9, 11, 13]);
  });

  it('stops reprinting a cover whose length keeps changing, with its last index', async () => {
    // A pathological cover: one page more each time it is printed.
    let n = 0;
    const renderer = fakeRenderer(() => ++n + 1);
    await printSectionedDocument(renderer, job(), {});
    expect(renderer.printed.filter((u) => u.includes('partie=0'))).toHaveLength(3);
  });
});
