// Renders the Nivo radar to an SVG string. Plain JavaScript loaded by Node at run time,
// outside Next's bundle: React Server Components may not import `react-dom/server`, and a
// chart that never changes for a given bilan should be drawn once, not on every request
// (Nivo's React rendering was a third of a bilan page's CPU time). See ./svg.ts.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Radar } from '@nivo/radar';

/** @param {Record<string, unknown>} props Nivo <Radar> props (fixed size, no animation). */
export function renderRadarSvg(props) {
  return renderToStaticMarkup(createElement(Radar, props));
}
