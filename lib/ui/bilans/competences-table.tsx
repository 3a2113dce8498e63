// The competence table in the page and on paper: the markup of competences-table-html.ts,
// whose every value is escaped, inside a box that scrolls sideways on a narrow screen.
import type { BilanDate, LigneCompetence } from '@/lib/bilans/bilan-page';
import { competencesTableHtml } from './competences-table-html';

export function CompetencesTable(props: {
  colonnes: BilanDate[];
  lignes: LigneCompetence[];
  imprime?: boolean;
}) {
  return (
    <div
      className="table-scroll overflow-x-auto rounded-lg border border-slate-200 bg-white"
      dangerouslySetInnerHTML={{ __html: competencesTableHtml(props) }}
    />
  );
}
