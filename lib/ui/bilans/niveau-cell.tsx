// One positioning: its symbol on its colour, its meaning for screen readers (never colour
// alone). Colours come from CSS classes (niveau-css.tsx) so a 30-pupil print stays light.
import { NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';
import { niveauClass } from './niveau-css';

/** `imprime`: on paper the legend gives the meanings; a hidden text per cell would only weigh the PDF down. */
export function NiveauBadge({ niveau, imprime = false }: { niveau: Niveau; imprime?: boolean }) {
  const info = NIVEAU_INFOS[niveau];
  return (
    <span className={`niveau ${niveauClass(niveau)}`}>
      {imprime ? (
        info.symbole
      ) : (
        <>
          <span aria-hidden="true">{info.symbole}</span>
          <span className="sr-only">{info.signification}</span>
        </>
      )}
    </span>
  );
}

export function NiveauCell({ niveau, imprime }: { niveau: Niveau | null; imprime?: boolean }) {
  return (
    <td className="niveau-cell">
      {niveau ? (
        <NiveauBadge niveau={niveau} imprime={imprime} />
      ) : (
        <span className="vide">non renseigné</span>
      )}
    </td>
  );
}
