'use client';
// The class's grid from the keyboard (WAI-ARIA's grid pattern: one Tab stop, arrows inside).
// In a competence's cell: `0` or `N` NE, `1` −, `2` −+, `3` +, `4` ++ — the cursor then moves
// to the next cell, from a row's last cell to the next pupil's first; `R` the previous bilan's
// level; `Suppr` or `Retour arrière` clears. On a name, `Entrée` opens « Rédiger un bilan ».
// Arrows, `Début`/`Fin` (with `Ctrl`: first and last pupil). Each typed level is announced.
// Leaving a row (or the grid) saves it.
import { useEffect, useRef, useState } from 'react';
import { NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';
import { niveauClass } from '@/lib/ui/bilans/niveau-css';
import { levelOfKey } from './model';
import { redactionPath } from '@/lib/http/paths';
import { rowState, saveState, symbole, type Row, type CompetenceColonne } from './rows';

interface Cursor {
  r: number;
  c: number;
}

function firstEditable(rows: Row[]): number {
  const r = rows.findIndex((row) => row.saisie.etat !== 'valide');
  return r < 0 ? 0 : r;
}

export function GrilleClavier({
  classe,
  competences,
  rows,
  onType,
  onLeaveRow,
  onOpen,
}: {
  classe: string;
  competences: CompetenceColonne[];
  rows: Row[];
  onType: (id: string, code: string, niveau: Niveau | null) => void;
  onLeaveRow: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const [cursor, setCursor] = useState<Cursor>(() => ({ r: firstEditable(rows), c: 1 }));
  const [announce, setAnnounce] = useState('');
  const grid = useRef<HTMLTableElement>(null);
  const last = competences.length;

  // The cursor's cell takes the focus when the grid has it (never on load).
  useEffect(() => {
    const table = grid.current;
    if (!table || !table.contains(document.activeElement)) return;
    table.querySelector<HTMLElement>(`[data-cell="${cursor.r}:${cursor.c}"]`)?.focus();
  }, [cursor]);

  const moveTo = (next: Cursor) => {
    const r = Math.max(0, Math.min(rows.length - 1, next.r));
    const c = Math.max(0, Math.min(last, next.c));
    if (r !== cursor.r && rows[cursor.r]) onLeaveRow(rows[cursor.r]!.id);
    setCursor({ r, c });
  };

  /** The cell after (r, c): the next competence, else the next pupil's first not validated. */
  const after = ({ r, c }: Cursor): Cursor => {
    if (c < last) return { r, c: c + 1 };
    for (let n = r + 1; n < rows.length; n++) {
      if (rows[n]!.saisie.etat !== 'valide') return { r: n, c: 1 };
    }
    return { r, c };
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.metaKey) return;
    const { r, c } = cursor;
    const row = rows[r];
    if (!row) return;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowRight':
        handled();
        return moveTo({ r, c: c + 1 });
      case 'ArrowLeft':
        handled();
        return moveTo({ r, c: c - 1 });
      case 'ArrowDown':
        handled();
        return moveTo({ r: r + 1, c });
      case 'ArrowUp':
        handled();
        return moveTo({ r: r - 1, c });
      case 'Home':
        handled();
        return moveTo({ r: event.ctrlKey ? 0 : r, c: 0 });
      case 'End':
        handled();
        return moveTo({ r: event.ctrlKey ? rows.length - 1 : r, c: last });
      case 'Enter':
        if (c === 0) {
          handled();
          onOpen(row.id);
        }
        return;
    }
    if (c === 0 || event.ctrlKey) return;
    const k = competences[c - 1]!;
    const who = `${row.nom} ${row.prenom}`;
    if (row.saisie.etat === 'valide') {
      if (event.key.length === 1 || event.key === 'Delete' || event.key === 'Backspace') {
        handled();
        setAnnounce(`Bilan de ${who} validé : il ne peut plus être modifié.`);
      }
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      handled();
      onType(row.id, k.code, null);
      setAnnounce(`${k.code} effacé`);
      return;
    }
    const niveau =
      event.key === 'r' || event.key === 'R'
        ? ((row.precedent[k.code] as Niveau | undefined) ?? null)
        : levelOfKey(event.key);
    if (event.key.length !== 1) return;
    handled();
    if (!niveau) {
      setAnnounce(
        event.key === 'r' || event.key === 'R'
          ? `${k.code} : pas de niveau au bilan précédent`
          : `Touche sans effet : 0 ou N, 1, 2, 3, 4, R`,
      );
      return;
    }
    onType(row.id, k.code, niveau);
    const next = after(cursor);
    const nextRow = next.r !== r ? rows[next.r] : null;
    setAnnounce(
      `${k.code} : ${NIVEAU_INFOS[niveau].symbole} ${NIVEAU_INFOS[niveau].signification}${
        nextRow ? `. Élève suivant : ${nextRow.nom} ${nextRow.prenom}` : ''
      }`,
    );
    moveTo(next);
  };

  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          ref={grid}
          role="grid"
          aria-label={`Positionnements de la classe ${classe}`}
          aria-describedby="saisie-aide"
          aria-rowcount={rows.length + 1}
          className="border-collapse text-sm"
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            // The focus leaves the grid: the row it was on is saved.
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
              const row = rows[cursor.r];
              if (row) onLeaveRow(row.id);
            }
          }}
        >
          <thead>
            <tr role="row">
              <th
                role="columnheader"
                scope="col"
                className="sticky left-0 z-10 bg-slate-100 px-2 py-1 text-left"
              >
                Élève
              </th>
              {competences.map((k) => (
                <th
                  key={k.code}
                  role="columnheader"
                  scope="col"
                  title={k.libelle}
                  className="bg-slate-100 px-1 py-1 text-center font-semibold"
                >
                  {k.code}
                  <span className="sr-only"> — {k.libelle}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const valide = row.saisie.etat === 'valide';
              const leur = row.saisie.statut === 'conflit' ? row.saisie.leur : undefined;
              const state = saveState(row);
              return (
                <tr
                  key={row.id}
                  role="row"
                  aria-rowindex={r + 2}
                  className={`border-t border-slate-200 ${valide ? 'bg-slate-50' : ''} ${leur ? 'bg-amber-50' : ''}`}
                  data-apprenant={row.id}
                >
                  <th
                    role="rowheader"
                    scope="row"
                    data-cell={`${r}:0`}
                    tabIndex={cursor.r === r && cursor.c === 0 ? 0 : -1}
                    onFocus={() => (cursor.r !== r || cursor.c !== 0) && moveTo({ r, c: 0 })}
                    className="sticky left-0 z-10 min-w-52 bg-inherit px-2 py-1 text-left font-normal focus:outline-3 focus:outline-blue-700"
                  >
                    <a
                      href={redactionPath(row.id)}
                      tabIndex={-1}
                      className="font-semibold text-blue-800 underline"
                    >
                      {row.nom} {row.prenom}
                    </a>
                    <span className="block text-xs text-slate-700">
                      {rowState(row, competences.length)}
                      {state && <span data-etat-enregistrement> · {state}</span>}
                    </span>
                  </th>
                  {competences.map((k, i) => {
                    const c = i + 1;
                    const niveau = row.saisie.niveaux[k.code];
                    const precedent = row.precedent[k.code];
                    const theirs = leur?.niveaux?.[k.code];
                    const differs = leur && (theirs ?? null) !== (niveau ?? null);
                    return (
                      <td
                        key={k.code}
                        role="gridcell"
                        data-cell={`${r}:${c}`}
                        data-code={k.code}
                        aria-readonly={valide || undefined}
                        tabIndex={cursor.r === r && cursor.c === c ? 0 : -1}
                        onFocus={() => (cursor.r !== r || cursor.c !== c) && moveTo({ r, c })}
                        className={`h-11 min-w-14 px-1 text-center focus:outline-3 focus:outline-blue-700 ${differs ? 'outline-2 outline-amber-600' : ''}`}
                      >
                        <span
                          className={`inline-block min-w-7 rounded px-1 font-bold ${niveau ? niveauClass(niveau) : ''}`}
                        >
                          {symbole(niveau)}
                        </span>
                        {niveau && (
                          <span className="sr-only"> {NIVEAU_INFOS[niveau].signification}</span>
                        )}
                        {precedent && (
                          <span className="ml-0.5 text-xs text-slate-600">
                            <span className="sr-only">, précédent </span>
                            {symbole(precedent)}
                          </span>
                        )}
                        {differs && (
                          <span className="block text-xs font-semibold text-amber-900">
                            leur : {symbole(theirs) || 'vide'}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announce}
      </p>
    </div>
  );
}
