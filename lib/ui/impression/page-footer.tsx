// The printed footer of every A4 page (« page X / Y », establishment, print date), drawn by
// Chromium from CSS page-margin boxes: cheaper than a header/footer template per page, and
// the same when a teacher prints the page from the browser.

/** A CSS string literal: quotes, backslashes and anything that could close the tag are escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** `numbered={false}`: a document printed in parts is numbered when they are joined. */
export function PageFooter({ text, numbered = true }: { text: string; numbered?: boolean }) {
  const pageNumber = numbered
    ? '@bottom-right{content:"page " counter(page) " / " counter(pages);font:8px sans-serif;color:#334155}'
    : '';
  const css = `@page{size:A4;margin:12mm 10mm 16mm 10mm;
@bottom-left{content:${cssString(text)};font:8px sans-serif;color:#334155}${pageNumber}}`;
  return <style>{css}</style>;
}
