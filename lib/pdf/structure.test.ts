// Joining tagged parts printed by real Chromium keeps one structure tree that covers every
// page: each page's marked content belongs to the page's own elements, table cells still
// find their headers, links their annotations, bookmarks their headings; what the join
// stamps is an artifact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium';
import { mergePdfParts } from './merge';
import { pupilFirstPages } from '@/lib/impression/classe/class-sections';

type Tree = { role?: string; type?: string; id?: string; children?: Tree[] };

function contentIds(node: Tree | null): string[] {
  if (!node) return [];
  if (node.type === 'content' && node.id) return [node.id];
  return (node.children ?? []).flatMap(contentIds);
}

function roles(node: Tree | null): string[] {
  if (!node) return [];
  return [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(roles)];
}

describe('joining tagged parts', () => {
  let browser: Browser;
  const parts: Buffer[] = [];

  beforeAll(async () => {
    const found = requireChromium();
    browser = await chromium.launch({
      executablePath: found.source === 'playwright' ? undefined : found.path,
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage();
    const pupil = (name: string, pages: number) =>
      `<h1>Bilan — ${name}</h1>
       <table><tr><th scope="col" id="code">Code</th><th scope="col">Niveau</th></tr>
       <tr><td>C1</td><td><strong>+</strong></td></tr></table><a href="https://example.org/${name}">lien</a>
       ${Array.from({ length: pages - 1 }, (_, i) => `<p style="break-before: page">suite ${i + 2}</p>`).join('')}`;
    for (const body of [
      '<h1>Couverture</h1><p>Index</p>',
      `${pupil('ANNE', 2)}<div style="break-before: page">${pupil('BASILE', 1)}</div>`,
      pupil('CÉLIA', 1),
    ]) {
      await page.setContent(`<!DOCTYPE html><html lang="fr"><body>${body}</body></html>`);
      parts.push(await page.pdf({ tagged: true, outline: true, format: 'A4' }));
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every page tagged, in order, with the stamps as artifacts', async () => {
    const merged = await mergePdfParts(parts, {
      sections: {
        label: (title: string) => ({ bookmark: title, header: `${title} · en-tête` }),
        // The class document's recto verso rule: blank pages before some sections.
        firstPages: (layouts) => pupilFirstPages(layouts, true),
      },
    });
    const pdf = await getDocumentProxy(new Uint8Array(merged));
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    // couverture, blank, ANNE ×2, BASILE, blank, CÉLIA: each pupil on an odd page.
    expect(pdf.numPages).toBe(7);
    const blank = [2, 6];
    const headings: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const tree = (await page.getStructTree()) as Tree | null;
      const content = await page.getTextContent({ includeMarkedContent: true });
      // Every piece of marked content is in this page's structure, or an artifact.
      const marked: string[] = [];
      let inArtifact = false;
      let artifactText = '';
      for (const item of content.items) {
        if ('str' in item) {
          if (inArtifact) artifactText += item.str;
          continue;
        }
        if (item.type === 'beginMarkedContentProps' && item.id) marked.push(item.id);
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          inArtifact = (item as { tag?: string }).tag === 'Artifact';
        }
        if (item.type === 'endMarkedContent') inArtifact = false;
      }
      const ids = contentIds(tree);
      expect(marked.length === 0, `page ${n}`).toBe(blank.includes(n));
      expect([...marked].sort(), `page ${n}`).toEqual([...ids].sort());
      expect(artifactText, `page ${n}`).toContain(`page ${n} / 7`);
      if (roles(tree).includes('H1')) headings.push(String(n));
    }
    expect(headings).toEqual(['1', '3', '5', '7']);
  });

  it('keeps table headers, links and bookmarks pointing at the right elements', async () => {
    const merged = await mergePdfParts(parts, {
      sections: { label: (title: string) => ({ bookmark: title, header: title }) },
    });
    const doc = await PDFDocument.load(merged);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const ids = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const idNames = ids
      .asArray()
      .filter((v): v is PDFString => v instanceof PDFString)
      .map((v) => v.decodeText());
    // <strong> is PDF 2.0's Strong in a PDF 1.4 file: mapped to a PDF 1.7 type.
    const roleMap = root.lookup(PDFName.of('RoleMap'), PDFDict);
    expect(roleMap.get(PDFName.of('Strong'))).toBe(PDFName.of('Span'));
    // Each part's « code » header, kept apart from the others'.
    expect(new Set(idNames).size).toBe(idNames.length);
    expect(idNames.length).toBeGreaterThanOrEqual(3);

    const links: PDFDict[] = [];
    const headers: string[] = [];
    const walk = (value: unknown) => {
      const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (object instanceof PDFArray) object.asArray().forEach(walk);
      if (!(object instanceof PDFDict)) return;
      if (object.get(PDFName.of('Type')) === PDFName.of('OBJR')) {
        links.push(object.lookup(PDFName.of('Obj'), PDFDict));
        return;
      }
      const cells = object.lookupMaybe(PDFName.of('Headers'), PDFArray);
      cells?.asArray().forEach((h) => h instanceof PDFString && headers.push(h.decodeText()));
      walk(object.get(PDFName.of('A')));
      walk(object.get(PDFName.of('K')));
    };
    walk(root.get(PDFName.of('K')));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(idNames).toContain(header);
    // Three links, each the annotation of a page of the joined document.
    const annotations = doc
      .getPages()
      .flatMap((p) => p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [])
      .map((ref) => doc.context.lookup(ref));
    expect(links).toHaveLength(3);
    for (const link of links) expect(annotations).toContain(link);

    const pdf = await getDocumentProxy(new Uint8Array(merged));
    expect(((await pdf.getOutline()) ?? []).map((o) => o.title)).toEqual([
      'Bilan — ANNE',
      'Bilan — BASILE',
      'Bilan — CÉLIA',
    ]);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    let entry = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
    while (entry) {
      expect(entry.lookup(PDFName.of('SE'), PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('H1'));
      entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  });

  it('leaves the joined document untagged, and whole, when a part has no tags', async () => {
    const untagged = await PDFDocument.create();
    untagged.addPage();
    const merged = await mergePdfParts([parts[0]!, Buffer.from(await untagged.save()), parts[2]!]);
    const pdf = await getDocumentProxy(new Uint8Array(merged));
    expect(pdf.numPages).toBe(3);
    expect(await pdf.getMarkInfo()).toBeNull();
  });
});
