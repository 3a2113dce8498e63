// The radar with its accessible name, an HTML legend of its series (each with its dash
// pattern and marker, readable in black and white) and scale, the note that « NE » is not on
// the scale, and its text alternative: a table of each series' values by competence code,
// visually hidden, that the figure's description points to.
import type { RadarSerie } from '@/lib/bilans/bilan-view';
import { formatDateFr } from '@/lib/common/dates';
import { NIVEAUX, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import type { RadarSeriesStyle } from '@/lib/ui/radar/svg';
import { RadarChart } from './radar-chart';

// The earlier bilan: grey, dashed, squares; the shown one: blue, solid, circles.
const STYLES: { couleur: string; style: RadarSeriesStyle }[] = [
  { couleur: '#64748b', style: { tirets: '6 4', marqueur: 'carre' } },
  { couleur: '#1d4ed8', style: { tirets: null, marqueur: 'rond' } },
];

const SYMBOLE_PAR_VALEUR = new Map(
  NIVEAUX.filter((n) => n !== 'NE').map((n) => [NIVEAU_INFOS[n].valeurRadar, n]),
);

function valeurLue(valeur: number | null | undefined): string {
  if (valeur === undefined) return 'non renseigné';
  if (valeur === null) return 'non évalué';
  const niveau = SYMBOLE_PAR_VALEUR.get(valeur);
  return niveau ? `${NIVEAU_INFOS[niveau].symbole} (${valeur})` : String(valeur);
}

function Echantillon({ couleur, style }: { couleur: string; style: RadarSeriesStyle }) {
  return (
    <svg aria-hidden="true" width="34" height="12" viewBox="0 0 34 12" className="shrink-0">
      <line
        x1="1"
        y1="6"
        x2="33"
        y2="6"
        stroke={couleur}
        strokeWidth="2"
        strokeDasharray={style.tirets ?? undefined}
      />
      {style.marqueur === 'carre' ? (
        <rect x="13" y="2" width="8" height="8" fill={couleur} />
      ) : (
        <circle cx="17" cy="6" r="4.5" fill={couleur} />
      )}
    </svg>
  );
}

export function RadarSection({ series, axes }: { series: RadarSerie[]; axes: string[] }) {
  const labels = series.map((s) => formatDateFr(s.label));
  const name =
    labels.length === 2
      ? `Diagramme radar : positionnements du ${labels[1]} comparés à ceux du ${labels[0]}`
      : `Diagramme radar : positionnements du ${labels[0]}`;
  const styled = series.map((s, i) => {
    const { couleur, style } = STYLES[series.length === 1 ? 1 : i] ?? STYLES[1]!;
    return { key: formatDateFr(s.label), couleur, style, valeurs: s.valeurs };
  });
  const avecNE = series.some((s) => Object.values(s.valeurs).some((v) => v === null));
  return (
    <section
      aria-labelledby="radar-titre"
      className="radar rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid"
    >
      <h2 id="radar-titre" className="text-xl font-semibold">
        Diagramme radar
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-6">
        <figure
          role="img"
          aria-label={name}
          aria-describedby="radar-valeurs"
          className="radar-figure w-full max-w-[560px]"
        >
          <RadarChart axes={axes} series={styled} />
        </figure>
        <div className="text-sm">
          <ul className="space-y-1">
            {styled.map((s) => (
              <li key={s.key} className="flex items-center gap-2">
                <Echantillon couleur={s.couleur} style={s.style} />
                Bilan du {s.key}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-slate-700">Échelle : − = 1, −+ = 2, + = 3, ++ = 4</p>
          <p className={avecNE ? 'mt-1 text-slate-700' : 'mt-1 text-slate-500'}>
            NE : non évalué, non placé sur le radar
            {avecNE ? ' (marque creuse au-delà de l’échelle, la ligne s’interrompt)' : ''}.
          </p>
        </div>
      </div>
      {/* Hidden by its box: a table keeps the width of its content whatever its own size. */}
      <div id="radar-valeurs" className="sr-only">
        <table>
          <caption>Valeurs du diagramme radar par compétence</caption>
          <thead>
            <tr>
              <th scope="col">Compétence</th>
              {styled.map((s) => (
                <th key={s.key} scope="col">
                  Bilan du {s.key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axes.map((axe) => (
              <tr key={axe}>
                <th scope="row">{axe}</th>
                {styled.map((s) => (
                  <td key={s.key}>{valeurLue(s.valeurs[axe])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
