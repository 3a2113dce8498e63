// Text of a PDF, as a reader would select it, with whitespace folded (unpdf / pdf.js), and
// as a screen reader would reach it: through the structure tree.
import { extractText, getDocumentProxy } from 'unpdf';

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>['getPage']>>;

export async function pdfText(
  bytes: Buffer | Uint8Array,
): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** The marked-content ids under the page's structure elements of `role` (e.g. 'H1'). */
export function structContent(tree: unknown, role: string, inside = false): string[] {
  const node = tree as StructNode | null;
  if (!node) return [];
  if (node.type === 'content') return inside && node.id ? [node.id] : [];
  const within = inside || node.role === role;
  return (node.children ?? []).flatMap((child) => structContent(child, role, within));
}

/** A page's text by marked-content id (what the structure tree points at). */
export async function markedText(page: PdfPage): Promise<Map<string, string>> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const texts = new Map<string, string>();
  let current: string | null = null;
  for (const item of content.items) {
    if ('str' in item) {
      if (current) texts.set(current, `${texts.get(current) ?? ''}${item.str}`);
    } else if (item.type === 'beginMarkedContentProps' && item.id) {
      current = item.id;
    } else if (item.type === 'endMarkedContent') {
      current = null;
    }
  }
  return texts;
}

// PDF 1.7's standard structure types (ISO 32000-1, 14.8.4): the files Chromium writes say
// PDF 1.4, where any other type must be mapped to one of these (pdf.js reports the mapping).
const STANDARD_ROLES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 ' +
    'H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference ' +
    'BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** The structure types of a PDF's pages that a PDF 1.x reader would not know. */
export async function nonStandardRoles(bytes: Buffer | Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const found = new Set<string>();
  const walk = (node: StructNode | null) => {
    if (!node) return;
    if (node.role && node.role !== 'Root' && !STANDARD_ROLES.has(node.role)) found.add(node.role);
    node.children?.forEach(walk);
  };
  for (let n = 1; n <= pdf.numPages; n++) {
    walk((await (await pdf.getPage(n)).getStructTree()) as StructNode | null);
  }
  return [...found];
}

/** Every text run's font size in points (pdf.js: the text matrix's vertical scale), by page. */
export async function fontSizes(
  bytes: Buffer | Uint8Array,
): Promise<{ page: number; size: number; text: string }[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const sizes: { page: number; size: number; text: string }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) {
      if ('str' in item && item.str.trim() !== '') {
        sizes.push({
          page: n,
          size: Math.hypot(item.transform[2]!, item.transform[3]!),
          text: item.str,
        });
      }
    }
  }
  return sizes;
}
