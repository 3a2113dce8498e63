import { describe, expect, it } from 'vitest';
import { loadRenderer, RadarDrawer, radarSvg } from './svg';

const input = {
  axes: ['C1-1', 'C2-3', '<script>alert(1)</script>'],
  series: [
    {
      key: '27/05/2016',
      couleur: '#64748b',
      valeurs: { 'C1-1': 1, 'C2-3': 2 },
      style: { tirets: '6 4', marqueur: 'carre' as const },
    },
    {
      key: '16/06/2016',
      couleur: '#1d4ed8',
      valeurs: { 'C1-1': 3, 'C2-3': 4 },
      style: { tirets: null, marqueur: 'rond' as const },
    },
  ],
};

describe('radarSvg', () => {
  it("draws Nivo's radar at its fixed size, one polygon per bilan, labels escaped", async () => {
    const svg = await radarSvg(input);
    expect(svg).toMatch(/<svg[^>]*width="560"[^>]*height="500"/);
    expect(svg).toContain('C1-1');
    expect(svg).toContain('#1d4ed8');
    expect(svg).toContain('#64748b');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('writes coordinates to a tenth of a pixel and leaves short numbers (opacities) alone', async () => {
    const axes = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const valeurs = Object.fromEntries(axes.map((a, i) => [a, 1 + (i % 4)]));
    const svg = await radarSvg({
      axes,
      series: input.series.map((s) => ({ ...s, valeurs })),
    });
    expect(svg.replace(/#[0-9a-f]{6}/g, '')).not.toMatch(/\d\.\d{3}|\de[+-]?\d/);
    expect(svg).toMatch(/translate\(-?\d+(\.\d)?, -?\d+(\.\d)?\)/);
    expect(svg).toContain('fill-opacity="0.12"');
    expect(svg).toContain('stroke="#cbd5e1"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('fill:#1e293b');
    expect(svg).not.toContain('pointer-events');
  });

  it('draws a given radar once: the second call returns the remembered SVG', async () => {
    let renders = 0;
    const drawer = new RadarDrawer(async () => {
      const real = await loadRenderer();
      return (props) => {
        renders += 1;
        return real(props);
      };
    });
    const first = await drawer.svg({ ...input, axes: ['A', 'B', 'C'] });
    const second = await drawer.svg({ ...input, axes: ['A', 'B', 'C'] });
    expect(renders).toBe(1);
    expect(second).toBe(first);
    expect(await drawer.svg({ ...input, axes: ['A', 'B', 'D'] })).not.toBe(first);
    expect(renders).toBe(2);
  });

  it('never draws « NE » as 0: the line stops, a hollow marker sits outside the scale', async () => {
    const axes = ['A', 'B', 'C', 'D'];
    const full = { A: 2, B: 3, C: 2, D: 4 };
    const svg = await radarSvg({
      axes,
      series: [
        { ...input.series[0]!, valeurs: full },
        { ...input.series[1]!, valeurs: { ...full, B: null } },
      ],
    });
    // The earlier series is whole: filled, dashed, squares; the later one has a gap at B.
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect((svg.match(/<rect[^>]*fill="#64748b"/g) ?? []).length).toBe(4);
    expect((svg.match(/<circle[^>]*fill="#1d4ed8"/g) ?? []).length).toBe(3);
    expect((svg.match(/<circle[^>]*fill="#ffffff"[^>]*stroke="#1d4ed8"/g) ?? []).length).toBe(1);
    // Three of its four sides are missing a point: only C–D and D–A are drawn.
    const line = /<path d="([^"]*)" fill="none" stroke="#1d4ed8"/.exec(svg)?.[1] ?? '';
    expect(line.match(/M/g)).toHaveLength(2);
    // Only the whole series is filled.
    expect(svg.match(/fill-opacity="0.12"/g)).toHaveLength(1);
  });

  it('labels its rings with the levels and keeps « NE » markers clear of the axis labels', async () => {
    const axes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const ne = Object.fromEntries(axes.map((a) => [a, null]));
    const svg = await radarSvg({
      axes,
      series: input.series.map((s) => ({ ...s, valeurs: ne })),
    });
    // Each ring says its level, once.
    for (const label of ['−', '−+', '+', '++']) {
      expect(svg.match(new RegExp(`>${label.replaceAll('+', '\\+')}</text>`, 'g'))?.length).toBe(1);
    }
    // Axis labels sit `labelRadius` from the centre, in text of `fontSize`: the farthest
    // hollow marker's outer edge stays inside the gap before the nearest text edge.
    const labelRadius = Math.max(
      ...[...svg.matchAll(/<g transform="translate\((-?[\d.]+), (-?[\d.]+)\)"><text/g)].map((m) =>
        Math.hypot(Number(m[1]), Number(m[2])),
      ),
    );
    const fontSize = Number(/font-size:(\d+)px/.exec(svg)?.[1]);
    const hollow = [
      ...svg.matchAll(
        /<(?:circle cx="(-?[\d.]+)" cy="(-?[\d.]+)"|rect x="(-?[\d.]+)" y="(-?[\d.]+)")[^>]*fill="#ffffff"/g,
      ),
    ].map((m) =>
      m[1] !== undefined
        ? Math.hypot(Number(m[1]), Number(m[2])) + 4.5
        : Math.hypot(Number(m[3]) + 4, Number(m[4]) + 4) + 4 * Math.SQRT2,
    );
    expect(hollow).toHaveLength(18);
    expect(fontSize).toBeGreaterThanOrEqual(20);
    expect(Math.max(...hollow)).toBeLessThan(labelRadius - fontSize / 2);
  });
});
