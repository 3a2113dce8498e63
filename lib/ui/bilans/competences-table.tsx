'use client';

// The competence table in the page and on paper: the markup of competences-table-html.ts,
// whose every value is escaped, inside a box that scrolls sideways on a narrow screen.
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
    <div
      className="table-scroll overflow-x-auto rounded-lg border border-slate-200 bg-white"
      dangerouslySetInnerHTML={{ __html: competencesTableHtml(props) }}
    />
  );
}
