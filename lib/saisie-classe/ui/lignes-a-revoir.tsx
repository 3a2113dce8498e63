'use client';
// Under the grid: the rows the server does not have — refused, lost connection, or changed by
// someone else meanwhile (both values shown in the grid) — each with its reason and what to
// do: « Réessayer », or « Garder mes niveaux » / « Prendre les siens ». Outside the grid, so
// that its buttons are reached with Tab like any other.
import { saveState, type Row } from './rows';

const BUTTON =
  'rounded-md border border-blue-700 bg-white px-2 py-1 text-sm font-semibold text-blue-800 hover:bg-blue-50';

export function LignesARevoir({
  rows,
  onResolve,
}: {
  rows: Row[];
  onResolve: (id: string, choice: 'miens' | 'siens' | 'reessayer') => void;
}) {
  const problems = rows.filter(
    (r) => r.saisie.statut === 'erreur' || r.saisie.statut === 'conflit',
  );
  return (
    <div className="mt-3" aria-live="polite">
      {problems.length > 0 && (
        <>
          <h2 id="a-revoir-titre" className="text-lg font-semibold text-red-900">
            {problems.length === 1
              ? 'Une ligne non enregistrée'
              : `${problems.length} lignes non enregistrées`}
          </h2>
          <ul className="mt-1 flex flex-col gap-2">
            {problems.map((row) => (
              <li
                key={row.id}
                data-a-revoir={row.id}
                className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm"
              >
                <strong>
                  {row.nom} {row.prenom}
                </strong>{' '}
                — {row.saisie.statut === 'conflit' ? row.saisie.leur?.message : saveState(row)}
                <div className="mt-1 flex flex-wrap gap-2">
                  {row.saisie.statut === 'conflit' ? (
                    <>
                      <button
                        type="button"
                        className={BUTTON}
                        onClick={() => onResolve(row.id, 'miens')}
                      >
                        Garder mes niveaux pour {row.nom} {row.prenom}
                      </button>
                      <button
                        type="button"
                        className={BUTTON}
                        onClick={() => onResolve(row.id, 'siens')}
                      >
                        Prendre les siens pour {row.nom} {row.prenom}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className={BUTTON}
                      onClick={() => onResolve(row.id, 'reessayer')}
                    >
                      Réessayer pour {row.nom} {row.prenom}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
