'use client';

// The competence table in the page and on paper: the markup of competences-table-html.ts,
// whose every value is escaped, inside a box that scrolls sideways on a narrow screen —
// focusable and named, so that the keyboard scrolls it too; on a phone it opens scrolled to
// the shown bilan's column, the competence column pinned (globals.css).
// A client component so that the page's RSC payload carries the table's data (≈ 5 KB)
// rather than its markup a second time (≈ 25 KB once escaped for the inline script); the
// server HTML is the same, and hydration keeps it as it is.
import type { BilanDate, LigneCompetence } from '@/lib/bilans/bilan-view';
import { competencesTableHtml } from './competences-table-html';

export function CompetencesTable(props: {
  colonnes: BilanDate[];
  lignes: LigneCompetence[];
  imprime?: boolean;
  avecEvolution?: boolean;
}) {
  return (
    <>
      {!props.imprime && (
        <p className="mb-1 text-sm text-slate-700 md:hidden" aria-hidden="true">
          Le tableau défile vers la gauche et la droite →
        </p>
      )}
      <div
        className="table-scroll relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
        tabIndex={props.imprime ? undefined : 0}
        role={props.imprime ? undefined : 'region'}
        aria-label={props.imprime ? undefined : 'Tableau des compétences (défilement possible)'}
        dangerouslySetInnerHTML={{ __html: competencesTableHtml(props) }}
      />
    </>
  );
}
