// The legend of the five levels as markup: colour, printed symbol, meaning and radar value.
// The same for every bilan, so it is built once when the module loads.
import { markup } from '@/lib/common/safe-html';
import { NIVEAUX, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import { niveauBadgeHtml } from './niveau-html';

const ITEMS = NIVEAUX.map((n) => {
  const info = NIVEAU_INFOS[n];
  // The badge is hidden from screen readers: the meaning is written right after it.
  return markup`
    <li>
      <span aria-hidden="true">${niveauBadgeHtml(n, 'none')}</span>
      <span>${info.signification} <span class="detail">(${info.couleur}, ${n === 'NE' ? 'hors du radar' : markup`radar : ${info.valeurRadar}`})</span></span>
    </li>`;
});

export const LEGENDE_HTML = markup`
  <h3 id="legende-titre">Légende des positionnements</h3>
  <ul>${ITEMS}</ul>`.value;
