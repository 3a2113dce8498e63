import { describe, expect, it } from 'vitest';
import { loadRenderer, RadarDrawer, radarSvg } from './svg';

const input = {
  axes: ['C1-1', 'C2-3', '<script>alert(1)</script>'],
  series: [
    { key: '27/05/2016', couleur: '#64748b', valeurs: { 'C1-1': 1, 'C2-3': 2 } },
    { key: '16/06/2016', couleur: '#1d4ed8', valeurs: { 'C1-1': 3, 'C2-3': 4 } },
  ],
};

describe('radarSvg', () => {
  it("draws Nivo's radar at its fixed size, one polygon per bilan, labels escaped", async () => {
    const svg = await radarSvg(input);
    expect(svg).toMatch(/<svg[^>]*width="560"[^>]*height="460"/);
    expect(svg).toContain('C1-1');
    expect(svg).toContain('#1d4ed8');
    expect(svg).toContain('#64748b');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('writes coordinates to a tenth of a pixel and leaves short numbers (opacities) alone', async () => {
    const svg = await radarSvg({ ...input, axes: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] });
    expect(svg.replace(/#[0-9a-f]{6}/g, '')).not.toMatch(/\d\.\d{3}|\de[+-]?\d/);
    expect(svg).toMatch(/translate\(-?\d+(\.\d)?, -?\d+(\.\d)?\)/);
    expect(svg).toContain('fill-opacity="0.15"');
    expect(svg).toContain('stroke="#cbd5e1"');
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
});
