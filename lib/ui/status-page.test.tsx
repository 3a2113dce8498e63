// The status page of React pages and its static twin for route handlers say the same
// things in the same structure: code, title (the document's title too), message, way back.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { messagePage } from '@/lib/http/message-page';
import { STATUS_KICKER, StatusPage } from './status-page';

const decode = (text: string | undefined) =>
  text
    ?.replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const structure = (html: string) => ({
  code: decode(/<p class="[^"]*">([^<]+)<\/p>\s*<h1/.exec(html)?.[1]),
  title: decode(/<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1]),
  message: decode(/<h1[^>]*>[^<]+<\/h1>\s*<div[^>]*><p>([^<]+)<\/p>/.exec(html)?.[1]),
});

describe('status page', () => {
  it('reads the same rendered by React or by a route handler', async () => {
    const react = renderToStaticMarkup(
      <StatusPage code="404" title="Document introuvable">
        <p>Ce bilan n&apos;existe pas.</p>
      </StatusPage>,
    );
    const handler = await messagePage(404, 'Document introuvable', "Ce bilan n'existe pas.").text();
    expect(structure(handler)).toEqual(structure(react));
    expect(structure(handler).title).toBe('Document introuvable');
    expect(handler).toContain('<title>Document introuvable — CPRO</title>');
    // In words: no status code shown to the reader, on either.
    expect(structure(react).code).toBe(STATUS_KICKER);
    for (const html of [react, handler]) {
      expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/\b404\b/);
    }
  });
});
