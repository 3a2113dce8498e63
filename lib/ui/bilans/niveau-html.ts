// A positioning as markup: its symbol on its colour and, for screen readers, its meaning
// (never colour alone). Shared by the competence table and the legend.
import { markup, type SafeHtml } from '@/lib/common/safe-html';
import { NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';
import { niveauClass } from './niveau-css';

/**
 * `meaning`: 'hidden-text' adds the meaning for screen readers (the page); 'none' prints the
 * symbol alone, where the meaning is written next to it (legend) or given by the legend
 * (paper, where a hidden text per cell would only weigh the PDF down).
 */
export function niveauBadgeHtml(niveau: Niveau, meaning: 'hidden-text' | 'none'): SafeHtml {
  const info = NIVEAU_INFOS[niveau];
  const symbol =
    meaning === 'hidden-text'
      ? markup`<span aria-hidden="true">${info.symbole}</span><span class="sr-only">${info.signification}</span>`
      : info.symbole;
  return markup`<span class="niveau ${niveauClass(niveau)}">${symbol}</span>`;
}
