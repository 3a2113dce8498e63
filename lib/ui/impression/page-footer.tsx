// The printed footer of every A4 page (« page X / Y », establishment, print date), drawn by
// Chromium from CSS page-margin boxes: cheaper than a header/footer template per page, and
// the same when a teacher prints the page from the browser.

/** A CSS string literal: quotes, backslashes and anything that could close the tag are escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * `numbered={false}`: a document printed in parts is numbered when they are joined.
 * `paysage`: A4 landscape (the class synthesis).
 */
export function PageFooter({
  text,
  numbered = true,
  paysage = false,
}: {
  text: string;
  numbered?: boolean;
  paysage?: boolean;
}) {
  const pageNumber = numbered
    ? '@bottom-right{content:"page " counter(page) " / " counter(pages);font:8px sans-serif;color:#334155}'
    : '';
  const size = paysage ? 'A4 landscape' : 'A4';
  const css = `@page{size:${size};margin:${paysage ? '8mm 8mm 11mm 8mm' : '12mm 10mm 16mm 10mm'};
@bottom-left{content:${cssString(text)};font:8px sans-serif;color:#334155}${pageNumber}}`;
  return <style>{css}</style>;
}
