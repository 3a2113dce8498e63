// Whether a competence went up or down since the previous bilan: an arrow and words.
import type { Evolution } from '@/lib/bilans/niveaux';

const LABELS: Record<Evolution, { symbole: string; texte: string; className: string }> = {
  hausse: { symbole: '↑', texte: 'en progrès', className: 'text-green-800' },
  baisse: { symbole: '↓', texte: 'en recul', className: 'text-red-800' },
  stable: { symbole: '=', texte: 'stable', className: 'text-slate-700' },
  aucune: { symbole: '–', texte: 'pas de comparaison', className: 'text-slate-500' },
};

export function EvolutionCell({ evolution }: { evolution: Evolution }) {
  const label = LABELS[evolution];
  return (
    <td
      className={`border-b border-slate-200 px-2 py-1.5 text-center whitespace-nowrap ${label.className}`}
    >
      <span aria-hidden="true" className="text-lg font-bold">
        {label.symbole}
      </span>{' '}
      <span className="text-xs">{label.texte}</span>
    </td>
  );
}
