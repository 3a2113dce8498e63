// The legend of the five levels: colour, printed symbol, meaning and radar value.
import { NIVEAUX, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import { NiveauBadge } from './niveau-cell';

export function LegendeNiveaux() {
  return (
    <section aria-labelledby="legende-titre" className="legende break-inside-avoid">
      <h3 id="legende-titre" className="text-sm font-semibold text-slate-800">
        Légende des positionnements
      </h3>
      <ul className="mt-2 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {NIVEAUX.map((n) => (
          <li key={n} className="flex items-center gap-2">
            <NiveauBadge niveau={n} />
            <span>
              {NIVEAU_INFOS[n].signification}{' '}
              <span className="text-slate-600">
                ({NIVEAU_INFOS[n].couleur}, radar : {NIVEAU_INFOS[n].valeurRadar})
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
