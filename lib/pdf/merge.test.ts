import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { mergePdfParts } from './merge';
import { PDF_CREATOR, PDF_PRODUCER } from './metadata';

async function part(labels: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
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

describe('mergePdfParts', () => {
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
});
