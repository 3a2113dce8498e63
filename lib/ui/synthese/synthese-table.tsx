'use client';

// The synthesis table in the page and on paper: the markup of synthese-table-html.ts inside
// a box that scrolls on its own (both ways, header row and pupil column sticky), so that the
// page itself never scrolls sideways on a phone. A client component for the same reason as
// the competence table: the RSC payload carries the data, not the markup twice.
import type { SyntheseView } from '@/lib/bilans/synthese';
import { syntheseTableHtml } from './synthese-table-html';

export function SyntheseTable({
  view,
  imprime = false,
}: {
  view: SyntheseView;
  imprime?: boolean;
}) {
  return (
    <div
      className={imprime ? 'synthese-imprimee' : 'synthese-scroll'}
      // Reachable and scrollable with the keyboard when it overflows.
      tabIndex={imprime ? undefined : 0}
      role={imprime ? undefined : 'region'}
      aria-label={imprime ? undefined : 'Tableau de synthèse (défilement possible)'}
      dangerouslySetInnerHTML={{ __html: syntheseTableHtml(view, imprime) }}
    />
  );
}
