// Text of a PDF, as a reader would select it, with whitespace folded (unpdf / pdf.js).
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(
  bytes: Buffer | Uint8Array,
): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}
