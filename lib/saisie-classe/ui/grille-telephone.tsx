'use client';
// The class's grid on a phone: one pupil at a time (a list to choose them, « Élève précédent »,
// « Élève suivant »), the competences as a list of labelled selects. Changing pupil saves the
// one left; typing saves every few seconds, as the wide grid does.
import { useState } from 'react';
import { NIVEAUX, NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';
import { rowState, saveState, symbole, type Row, type CompetenceColonne } from './rows';

const BUTTON =
  'rounded-md border border-blue-700 bg-white px-3 py-2 text-sm font-semibold text-blue-800 disabled:opacity-50';

export function GrilleTelephone({
  competences,
  rows,
  onType,
  onLeaveRow,
}: {
  competences: CompetenceColonne[];
  rows: Row[];
  onType: (id: string, code: string, niveau: Niveau | null) => void;
  onLeaveRow: (id: string) => void;
}) {
  const [index, setIndex] = useState(0);
  const row = rows[index];
  if (!row) return <p>Aucun élève dans cette classe.</p>;
  const go = (next: number) => {
    onLeaveRow(row.id);
    setIndex(Math.max(0, Math.min(rows.length - 1, next)));
  };
  const valide = row.saisie.etat === 'valide';
  const state = saveState(row);
  return (
    <section
      aria-labelledby="telephone-eleve"
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <label htmlFor="telephone-choix" className="block text-sm font-medium">
        Élève ({index + 1} sur {rows.length})
      </label>
      <select
        id="telephone-choix"
        value={row.id}
        onChange={(event) => go(rows.findIndex((r) => r.id === event.target.value))}
        className="mt-1 w-full rounded-md border border-slate-400 p-2"
      >
        {rows.map((r) => (
          <option key={r.id} value={r.id}>
            {r.nom} {r.prenom} — {rowState(r, competences.length)}
          </option>
        ))}
      </select>
      <div className="mt-2 flex justify-between gap-2">
        <button
          type="button"
          className={BUTTON}
          disabled={index === 0}
          onClick={() => go(index - 1)}
        >
          Élève précédent
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={index === rows.length - 1}
          onClick={() => go(index + 1)}
        >
          Élève suivant
        </button>
      </div>
      <h2 id="telephone-eleve" className="mt-3 text-lg font-semibold">
        {row.nom} {row.prenom}
      </h2>
      <p className="text-sm text-slate-700" data-apprenant={row.id}>
        {rowState(row, competences.length)}
        {state && ` · ${state}`}
      </p>
      <ul className="mt-2 divide-y divide-slate-200">
        {competences.map((k) => {
          const id = `telephone-${k.code}`;
          const precedent = row.precedent[k.code];
          return (
            <li key={k.code} className="py-2">
              <label htmlFor={id} className="block text-sm">
                <strong>{k.code}</strong> — {k.libelle}
              </label>
              <select
                id={id}
                value={row.saisie.niveaux[k.code] ?? ''}
                disabled={valide}
                onChange={(event) =>
                  onType(row.id, k.code, (event.target.value || null) as Niveau | null)
                }
                className="mt-1 w-full rounded-md border border-slate-400 p-2"
              >
                <option value="">— non positionnée</option>
                {NIVEAUX.map((n) => (
                  <option key={n} value={n}>
                    {NIVEAU_INFOS[n].symbole} {NIVEAU_INFOS[n].signification}
                  </option>
                ))}
              </select>
              <p className="text-xs text-slate-700">
                précédent : {precedent ? symbole(precedent) : 'aucun'}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
