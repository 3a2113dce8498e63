// The radar of a bilan as an SVG string: drawn by Nivo (render-svg.mjs, outside the
// bundle), remembered in a small LRU because a bilan's radar never changes (bilans are
// archives), so most pages pay nothing for it. The same SVG serves the page and the PDF.
// Nivo draws the grid and the competence codes; the series are drawn by render-svg.mjs's
// own layer, so that « NE » is never a point at 0 (a gap in the line, and a hollow marker
// outside the scale) and the two series differ in black and white (dash and marker shape).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LRUCache } from 'lru-cache';

export interface RadarSeriesStyle {
  /** SVG stroke-dasharray, or null for a solid line. */
  tirets: string | null;
  marqueur: 'rond' | 'carre';
}

export interface RadarInput {
  axes: string[];
  series: {
    key: string;
    couleur: string;
    /** null: « NE »; absent: not positioned. */
    valeurs: Record<string, number | null>;
    style: RadarSeriesStyle;
  }[];
}

export type RadarRenderer = (props: Record<string, unknown>) => string;

const MAX_ENTRIES = 2_000;
/** The drawing's own size (its viewBox): CSS scales it to the room it has. */
export const RADAR_WIDTH = 560;
export const RADAR_HEIGHT = 500;
let renderer: Promise<RadarRenderer> | undefined;

export function loadRenderer(): Promise<RadarRenderer> {
  // Built from the working directory so the bundler leaves it alone (`npm start` and the
  // tests run from the project root).
  const file = pathToFileURL(path.join(process.cwd(), 'lib', 'ui', 'radar', 'render-svg.mjs')).href;
  renderer ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ file).then(
    (module: { renderRadarSvg: RadarRenderer }) => module.renderRadarSvg,
  );
  return renderer;
}

function nivoProps({ axes, series }: RadarInput): Record<string, unknown> {
  const couleurs = Object.fromEntries(series.map((s) => [s.key, s.couleur]));
  return {
    data: axes.map((axe) => ({
      competence: axe,
      // Nivo's own layers never read the values (its shapes are replaced): null stays null.
      ...Object.fromEntries(series.map((s) => [s.key, s.valeurs[axe] ?? null])),
    })),
    seriesStyles: Object.fromEntries(series.map((s) => [s.key, s.style])),
    keys: series.map((s) => s.key),
    indexBy: 'competence',
    width: RADAR_WIDTH,
    height: RADAR_HEIGHT,
    maxValue: 4,
    gridLevels: 4,
    gridShape: 'linear',
    // Room between the outer ring and the codes for the two « NE » markers (render-svg.mjs
    // puts them at 4.3 and 4.6 on the scale: 12 and 26 px past the outer ring).
    gridLabelOffset: 44,
    margin: { top: 60, right: 80, bottom: 60, left: 80 },
    colors: ({ key }: { key: string }) => couleurs[key] ?? '#475569',
    fillOpacity: 0.15,
    borderWidth: 2,
    dotSize: 6,
    animate: false,
    isInteractive: false,
    // 20 px: ≥ 11 px once the drawing is scaled to a 390 px phone, 8 pt at its printed
    // width (80 mm: globals.css).
    // The page's font (lib/ui/fonts), not a family of the machine's.
    theme: {
      text: { fontSize: 20, fill: '#1e293b', fontFamily: 'inherit' },
      grid: { line: { stroke: '#cbd5e1' } },
    },
  };
}

/** Draws radars, each input once: later calls get the remembered SVG. */
export class RadarDrawer {
  private readonly cache = new LRUCache<string, string>({ max: MAX_ENTRIES });

  constructor(private readonly render: () => Promise<RadarRenderer> = loadRenderer) {}

  async svg(input: RadarInput): Promise<string> {
    const key = JSON.stringify(input);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const svg = (await this.render())(nivoProps(input));
    this.cache.set(key, svg);
    return svg;
  }
}

const drawer = new RadarDrawer();

export function radarSvg(input: RadarInput): Promise<string> {
  return drawer.svg(input);
}
