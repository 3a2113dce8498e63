// The radar of the shown bilan against the previous one: Nivo's SVG, drawn once per bilan
// (lib/ui/radar/svg.ts) and inserted as markup. Fixed size, no animation, no interaction, no
// JavaScript: it is in the server HTML and prints as is. Its text comes only from
// competence codes and dates, escaped by React when the SVG is drawn.
import { radarSvg, type RadarInput } from '@/lib/ui/radar/svg';

export async function RadarChart(input: RadarInput) {
  const svg = await radarSvg(input);
  return <div className="radar-svg" dangerouslySetInnerHTML={{ __html: svg }} />;
}
