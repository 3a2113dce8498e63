// Renders the Nivo radar to an SVG string. Plain JavaScript loaded by Node at run time,
// outside Next's bundle: React Server Components may not import `react-dom/server`, and a
// chart that never changes for a given bilan should be drawn once, not on every request
// (Nivo's React rendering was a third of a bilan page's CPU time). See ./svg.ts.
//
// Nivo draws the grid and the axis labels; the series are this module's own layer: a level
// is a point on its axis, « NE » (null) is no point — the line stops there and a hollow
// marker sits on the axis just outside the scale — and each series has its dash pattern and
// marker shape, so that two series differ without colour.
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

/** @param {unknown} v */
function isLevel(v) {
  return typeof v === 'number';
}

/**
 * @param {'rond' | 'carre'} shape
 * @param {number} x @param {number} y @param {string} color @param {boolean} hollow
 * @param {string} key
 */
function marker(shape, x, y, color, hollow, key) {
  const paint = hollow
    ? { fill: '#ffffff', stroke: color, strokeWidth: 1.5 }
    : { fill: color, stroke: '#ffffff', strokeWidth: 1 };
  return shape === 'carre'
    ? createElement('rect', { key, x: x - 4, y: y - 4, width: 8, height: 8, ...paint })
    : createElement('circle', { key, cx: x, cy: y, r: 4.5, ...paint });
}

// The rings' levels, written once between the last axis and the first (where no series
// point is ever drawn): a reader needs no legend to read « + » off the third ring.
const RING_LABELS = ['−', '−+', '+', '++'];

/** The scale layer: each ring's symbol. */
function ScaleLabels({ centerX, centerY, radiusScale, angleStep }) {
  const angle = -Math.PI / 2 - angleStep / 2;
  return createElement(
    'g',
    { transform: `translate(${centerX}, ${centerY})`, fontSize: 20, fill: '#334155' },
    RING_LABELS.map((label, i) => {
      const r = radiusScale(i + 1);
      return createElement(
        'text',
        {
          key: label,
          x: Math.cos(angle) * r,
          y: Math.sin(angle) * r,
          textAnchor: 'middle',
          dominantBaseline: 'central',
          stroke: '#ffffff',
          strokeWidth: 4,
          paintOrder: 'stroke',
        },
        label,
      );
    }),
  );
}

/** The series layer (Nivo custom layer props, plus the series styles). */
function seriesLayer(styles) {
  return function Series({ data, keys, colorByKey, centerX, centerY, radiusScale, angleStep }) {
    const point = (/** @type {number} */ i, /** @type {number} */ value) => {
      const angle = i * angleStep - Math.PI / 2;
      const r = radiusScale(value);
      return [Math.cos(angle) * r, Math.sin(angle) * r];
    };
    const n = data.length;
    return createElement(
      'g',
      { transform: `translate(${centerX}, ${centerY})` },
      keys.map((key, s) => {
        const style = styles[key] ?? { tirets: null, marqueur: 'rond' };
        const color = colorByKey[key] ?? '#475569';
        const values = data.map((d) => d[key]);
        const parts = [];
        if (values.every(isLevel)) {
          const d = values.map((v, i) => `${i ? 'L' : 'M'}${point(i, v).join(',')}`).join('');
          parts.push(
            createElement('path', { key: 'fill', d: `${d}Z`, fill: color, fillOpacity: 0.12 }),
          );
        }
        // The line joins two neighbouring axes only when both have a level.
        let line = '';
        for (let i = 0; i < n; i++) {
          const j = (i + 1) % n;
          if (n > 1 && isLevel(values[i]) && isLevel(values[j])) {
            line += `M${point(i, values[i]).join(',')}L${point(j, values[j]).join(',')}`;
          }
        }
        parts.push(
          createElement('path', {
            key: 'line',
            d: line || 'M0,0',
            fill: 'none',
            stroke: color,
            strokeWidth: 2,
            strokeLinecap: 'round',
            strokeDasharray: style.tirets ?? undefined,
          }),
        );
        values.forEach((v, i) => {
          if (isLevel(v)) {
            const [x, y] = point(i, v);
            parts.push(marker(style.marqueur, x, y, color, false, `p${i}`));
          } else if (v === null) {
            // « NE »: outside the scale, the two series side by side on the same axis, both
            // inside the gap Nivo leaves before the axis label (svg.ts: gridLabelOffset).
            const [x, y] = point(i, 4.3 + s * 0.3);
            parts.push(marker(style.marqueur, x, y, color, true, `ne${i}`));
          }
        });
        return createElement('g', { key }, parts);
      }),
    );
  };
}

/** @param {Record<string, unknown>} props Nivo <Radar> props (fixed size, no animation). */
export function renderRadarSvg(props) {
  const { seriesStyles = {}, ...nivo } = props;
  const layers = [
    'grid',
    ScaleLabels,
    seriesLayer(/** @type {Record<string, any>} */ (seriesStyles)),
  ];
  const { width, height } = /** @type {{ width: number, height: number }} */ (nivo);
  return (
    renderToStaticMarkup(createElement(Radar, { ...nivo, layers }))
      .replace(LONG_NUMBER, tenth)
      .replace(INERT_ATTRIBUTES, '')
      // A viewBox, so that CSS can scale the drawing to a phone's width (globals.css).
      .replace('<svg ', `<svg viewBox="0 0 ${width} ${height}" `)
  );
}
