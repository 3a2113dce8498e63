// The radar with its accessible name and an HTML legend of its series and scale.
import type { RadarSerie } from '@/lib/bilans/bilan-page';
import { formatDateFr } from '@/lib/common/dates';
import { RadarChart } from './radar-chart';

const COULEURS = ['#64748b', '#1d4ed8'];

export function RadarSection({ series, axes }: { series: RadarSerie[]; axes: string[] }) {
  const labels = series.map((s) => formatDateFr(s.label));
  const name =
    labels.length === 2
      ? `Diagramme radar : positionnements du ${labels[1]} comparés à ceux du ${labels[0]}`
      : `Diagramme radar : positionnements du ${labels[0]}`;
  const colored = series.map((s, i) => ({
    key: formatDateFr(s.label),
    couleur: COULEURS[series.length === 1 ? 1 : i] ?? '#1d4ed8',
    valeurs: s.valeurs,
  }));
  return (
    <section
      aria-labelledby="radar-titre"
      className="radar rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid"
    >
      <h2 id="radar-titre" className="text-xl font-semibold">
        Diagramme radar
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-6">
        <figure role="img" aria-label={name} className="overflow-x-auto">
          <RadarChart axes={axes} series={colored} />
        </figure>
        <div className="text-sm">
          <ul className="space-y-1">
            {colored.map((s) => (
              <li key={s.key} className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="inline-block h-1 w-6"
                  style={{ backgroundColor: s.couleur }}
                />
                Bilan du {s.key}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-slate-700">Échelle : NE = 0, − = 1, −+ = 2, + = 3, ++ = 4</p>
        </div>
      </div>
    </section>
  );
}
