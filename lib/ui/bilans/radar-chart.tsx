'use client';

// The radar of the shown bilan against the previous one. Fixed size, no animation and no
// interaction, so the full SVG is in the server HTML and prints without JavaScript.
import { Radar } from '@nivo/radar';

export interface RadarChartProps {
  axes: string[];
  series: { key: string; couleur: string; valeurs: Record<string, number> }[];
}

export function RadarChart({ axes, series }: RadarChartProps) {
  const data = axes.map((axe) => ({
    competence: axe,
    ...Object.fromEntries(series.map((s) => [s.key, s.valeurs[axe] ?? 0])),
  }));
  const couleurs = Object.fromEntries(series.map((s) => [s.key, s.couleur]));
  return (
    <Radar
      data={data}
      keys={series.map((s) => s.key)}
      indexBy="competence"
      width={560}
      height={460}
      maxValue={4}
      gridLevels={4}
      gridShape="linear"
      gridLabelOffset={14}
      margin={{ top: 40, right: 70, bottom: 40, left: 70 }}
      colors={({ key }) => couleurs[key] ?? '#475569'}
      fillOpacity={0.15}
      borderWidth={2}
      dotSize={6}
      animate={false}
      isInteractive={false}
      theme={{ text: { fontSize: 12, fill: '#1e293b' }, grid: { line: { stroke: '#cbd5e1' } } }}
    />
  );
}
