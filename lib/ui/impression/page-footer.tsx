// The printed footer of every A4 page (« page X / Y », establishment, print date), drawn by
// Chromium from CSS page-margin boxes: cheaper than a header/footer template per page, and
// the same when a teacher prints the page from the browser.

/** A CSS string literal: quotes, backslashes and anything that could close the tag are escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

// 8 pt, as every printed text: readable on a photocopy. The family is the page's own (margin
// boxes inherit it from the root element): the module's font, not the machine's sans-serif.
const MARGIN_FONT = 'font-size:8pt;color:#334155';
const PAGE_N_OF_M = 'content:"page " counter(page) " / " counter(pages)';

/**
 * `numbered={false}`: a document printed in parts is numbered when they are joined.
 * `paysage`: A4 landscape (the class synthesis). `entete`: a running header on every page
 * (a pupil's bilan: running-header.ts), with « page n / m » at its right, as the class
 * document's pupil sections have.
 */
export function PageFooter({
  text,
  numbered = true,
  paysage = false,
  entete = null,
}: {
  text: string;
  numbered?: boolean;
  paysage?: boolean;
  entete?: string | null;
}) {
  const header = entete
    ? `@top-left{content:${cssString(entete)};${MARGIN_FONT}}@top-right{${PAGE_N_OF_M};${MARGIN_FONT}}`
    : '';
  const pageNumber = numbered && !entete ? `@bottom-right{${PAGE_N_OF_M};${MARGIN_FONT}}` : '';
  const size = paysage ? 'A4 landscape' : 'A4';
  const css = `@page{size:${size};margin:${paysage ? '9mm 8mm 11mm 8mm' : '12mm 10mm 16mm 10mm'};
@bottom-left{content:${cssString(text)};${MARGIN_FONT}}${pageNumber}${header}}`;
  return <style>{css}</style>;
}
