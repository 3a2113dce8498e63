'use client';

// The legend of the five levels (legende-html.ts) in the page and on paper: a client
// component, so that the RSC payload only names it instead of carrying its markup.
import { LEGENDE_HTML } from './legende-html';

export function LegendeNiveaux() {
  return (
    <section
      aria-labelledby="legende-titre"
      className="legende break-inside-avoid"
      dangerouslySetInnerHTML={{ __html: LEGENDE_HTML }}
    />
  );
}
