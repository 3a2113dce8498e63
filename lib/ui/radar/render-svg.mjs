// Renders the Nivo radar to an SVG string. Plain JavaScript loaded by Node at run time,
// outside Next's bundle: React Server Components may not import `react-dom/server`, and a
// chart that never changes for a given bilan should be drawn once, not on every request
// (Nivo's React rendering was a third of a bilan page's CPU time). See ./svg.ts.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Radar } from '@nivo/radar';

// Nivo writes coordinates with full double precision (« 1.1634144591899855e-14 »); a tenth
// of a pixel is already finer than any screen or printer shows, and the shorter SVG is
// sent twice per page (HTML and RSC payload). Numbers with fewer decimals (opacities such
// as 0.15) and the digits of colours (#cbd5e1 is not 5 × 10¹) are left as they are.
const LONG_NUMBER = /(?<!#[0-9a-fA-F]*)-?\d+(?:\.\d{3,}(?:e[+-]?\d+)?|(?:\.\d+)?e[+-]?\d+)/g;

// Attributes Nivo sets for its interactive mode, which do nothing in a static drawing.
const INERT_ATTRIBUTES =
  / (?:style="pointer-events:none"|focusable="false"|style="mix-blend-mode:normal")/g;

/** @param {string} number */
function tenth(number) {
  return String(Math.round(Number(number) * 10) / 10);
}

/** @param {Record<string, unknown>} props Nivo <Radar> props (fixed size, no animation). */
export function renderRadarSvg(props) {
  return renderToStaticMarkup(createElement(Radar, props))
    .replace(LONG_NUMBER, tenth)
    .replace(INERT_ATTRIBUTES, '');
}
