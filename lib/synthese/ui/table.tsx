'use client';

// The synthesis table in the page and on paper: the markup of table-html.ts inside
// a box that scrolls sideways when the screen is narrower than the table (globals.css: the
// page itself never does, and on a wide screen the page scrolls with the header row stuck
// to the top). A client component for the same reason as the competence table — the RSC
// payload carries the data, not the markup twice — and for one behaviour: a competence's
// label, shown while the pointer is on its column header, closes with Escape (WCAG 1.4.13).
import { useEffect, useRef } from 'react';
import type { SyntheseView } from '@/lib/synthese/query';
import { syntheseTableHtml } from './table-html';

const CLOSED = 'infobulles-fermees';
/** Up to this many competences the table fits a 1 280 px window (globals.css). */
const FITS_WIDE_SCREEN = 23;

export function SyntheseTable({
  view,
  imprime = false,
}: {
  view: SyntheseView;
  imprime?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const table = box.current?.querySelector('table');
    if (imprime || !table) return;
    let closedOn: Element | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      closedOn = table.querySelector('th.competence:hover');
      table.classList.add(CLOSED);
    };
    // Another header under the pointer shows its label again.
    const onOver = (event: PointerEvent) => {
      const header = (event.target as Element).closest('th.competence');
      if (header !== closedOn) table.classList.remove(CLOSED);
    };
    document.addEventListener('keydown', onKey);
    table.addEventListener('pointerover', onOver);
    return () => {
      document.removeEventListener('keydown', onKey);
      table.removeEventListener('pointerover', onOver);
    };
  }, [imprime]);
  return (
    <div
      ref={box}
      className={
        imprime
          ? 'synthese-imprimee'
          : `synthese-scroll ${view.competences.length <= FITS_WIDE_SCREEN ? 'synthese-ajustee' : ''}`
      }
      // Reachable and scrollable with the keyboard when it overflows.
      tabIndex={imprime ? undefined : 0}
      role={imprime ? undefined : 'region'}
      aria-label={imprime ? undefined : 'Tableau de synthèse (défilement possible)'}
      dangerouslySetInnerHTML={{ __html: syntheseTableHtml(view, imprime) }}
    />
  );
}
