'use client';

// The competence table: one row per competence of the referential, one column per bilan up
// to the one shown, and the trend since the previous bilan.
import type { BilanDate, LigneCompetence } from '@/lib/bilans/bilan-page';
import { formatDateFr } from '@/lib/bilans/dates';
import { NiveauCell } from './niveau-cell';
import { EvolutionCell } from './evolution';

export function CompetencesTable({
  colonnes,
  lignes,
  imprime = false,
}: {
  colonnes: BilanDate[];
  lignes: LigneCompetence[];
  imprime?: boolean;
}) {
  return (
    <div className="table-scroll overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="competences w-full border-collapse text-sm">
        <caption className="sr-only">
          Positionnements de l&apos;apprenant pour chaque compétence, par date de bilan
        </caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Compétence
            </th>
            {colonnes.map((c) => (
              <th
                key={c.id}
                scope="col"
                className="px-2 py-2 text-center font-semibold whitespace-nowrap"
              >
                {formatDateFr(c.date)}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-center font-semibold">
              Évolution
            </th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.id}>
              <th
                scope="row"
                className="border-b border-slate-200 px-3 py-1.5 text-left font-normal"
              >
                <span className="font-semibold whitespace-nowrap">{l.code}</span>
                {l.equivalence && (
                  <span className="text-slate-600 whitespace-nowrap"> = {l.equivalence}</span>
                )}{' '}
                <span>{l.libelle}</span>
              </th>
              {l.niveaux.map((n, i) => (
                <NiveauCell key={colonnes[i]?.id ?? i} niveau={n} imprime={imprime} />
              ))}
              <EvolutionCell evolution={l.evolution} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
