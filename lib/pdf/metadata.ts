// Names our module as the PDF's Creator and Producer, instead of Chromium's user agent
// (« HeadlessChrome/… ») and « Skia/PDF ». Chromium writes them as strings in a plain
// Info dictionary followed by a classic cross-reference table of byte offsets, so each
// value is rewritten IN PLACE with the same number of bytes (a shorter string, then
// spaces between the tokens of the dictionary): every offset stays right and nothing else
// of the file is touched.

export const PDF_CREATOR = 'CPRO — Bilans des compétences';
export const PDF_PRODUCER = 'CPRO Bilans';

// PDFDocEncoding: Latin-1 from 0xA1 up, plus a few typographic signs below 0xA0.
const PDF_DOC_EXTRA: Record<string, number> = { '—': 0x84, '–': 0x85, '’': 0x90, '€': 0xa0 };

/**
 * A PDF text string: a literal in PDFDocEncoding (octal escapes beyond ASCII), or UTF-16BE
 * hex with its BOM for characters that encoding lacks.
 */
function pdfString(text: string): string {
  let literal = '';
  for (const c of text) {
    const code = PDF_DOC_EXTRA[c] ?? c.charCodeAt(0);
    if (c === '(' || c === ')' || c === '\\') literal += `\\${c}`;
    else if (code >= 0x20 && code <= 0x7e) literal += c;
    else if ((code > 0xa0 && code <= 0xff && code !== 0xad) || PDF_DOC_EXTRA[c] !== undefined)
      literal += `\\${code.toString(8).padStart(3, '0')}`;
    else {
      const hex = [...text].map((d) => d.charCodeAt(0).toString(16).padStart(4, '0')).join('');
      return `<FEFF${hex.toUpperCase()}>`;
    }
  }
  return `(${literal})`;
}

/** End (exclusive) of the string value starting at `start` (a literal or a hex string). */
function stringEnd(pdf: string, start: number): number {
  if (pdf[start] === '<') {
    const end = pdf.indexOf('>', start);
    return end < 0 ? -1 : end + 1;
  }
  if (pdf[start] !== '(') return -1;
  let depth = 0;
  for (let i = start; i < pdf.length; i++) {
    const c = pdf[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function replaceValue(pdf: string, key: string, values: string[]): string {
  const match = new RegExp(`/${key}\\s*[(<]`).exec(pdf);
  if (!match) return pdf;
  const start = match.index + match[0].length - 1;
  const end = stringEnd(pdf, start);
  if (end < 0) return pdf;
  const room = end - start;
  // The first spelling that fits (the full name, then a shorter one).
  const value = values.map(pdfString).find((candidate) => candidate.length <= room);
  if (!value) return pdf;
  return pdf.slice(0, start) + value + ' '.repeat(room - value.length) + pdf.slice(end);
}

export function brandPdf(bytes: Buffer): Buffer {
  // latin1 maps each byte to one char and back: binary streams survive untouched.
  let pdf = bytes.toString('latin1');
  pdf = replaceValue(pdf, 'Creator', [PDF_CREATOR, PDF_PRODUCER]);
  pdf = replaceValue(pdf, 'Producer', [PDF_PRODUCER, 'CPRO']);
  return Buffer.from(pdf, 'latin1');
}
