// The competence table as markup: one row per competence of the referential, one column per
// bilan up to the one shown, and the trend since the previous bilan. Built as a string
// because it is most of a bilan page's elements (21 rows × up to 7 cells × 3 elements):
// rendered by React, it was a quarter of the page's server CPU; as one string it costs
// micro-seconds. Styles are in globals.css (table.competences), not on every cell.
import { markup, type SafeHtml } from '@/lib/common/safe-html';
import type { BilanDate, LigneCompetence } from '@/lib/bilans/bilan-view';
import { formatDateFr } from '@/lib/common/dates';
import { EVOLUTION_INFOS } from '@/lib/bilans/niveaux';
import { niveauBadgeHtml } from './niveau-html';

function ligneHtml(ligne: LigneCompetence, imprime: boolean, avecEvolution: boolean): SafeHtml {
  const cells = ligne.niveaux.map((n) =>
    n
      ? markup`<td class="niveau-cell">${niveauBadgeHtml(n, imprime ? 'none' : 'hidden-text')}</td>`
      : markup`<td class="niveau-cell"><span class="vide">non renseigné</span></td>`,
  );
  const evolution = EVOLUTION_INFOS[ligne.evolution];
  const equivalence =
    ligne.equivalence && markup` <span class="equivalence">= ${ligne.equivalence}</span>`;
  return markup`
    <tr>
      <th scope="row"><b>${ligne.code}</b>${equivalence} ${ligne.libelle}</th>
      ${cells}
      ${avecEvolution && markup`<td class="evolution ${ligne.evolution}"><b aria-hidden="true">${evolution.symbole}</b> <small>${evolution.texte}</small></td>`}
    </tr>`;
}

/** What « = C2-1 » beside a code means, said once under the table. */
export const EQUIVALENCE_EXPLIQUEE =
  '« = C2-1 » : code de la même compétence dans l’autre version du référentiel (bac pro SN et bac pro CIEL).';

/**
 * `avecEvolution`: false on a pupil's first bilan (of its referential), where there is nothing
 * to compare with — no column of « pas de comparaison ».
 */
export function competencesTableHtml({
  colonnes,
  lignes,
  imprime = false,
  avecEvolution = true,
}: {
  colonnes: BilanDate[];
  lignes: LigneCompetence[];
  imprime?: boolean;
  avecEvolution?: boolean;
}): string {
  // Each date with its term (« T2 »): councils and PRONOTE work by term.
  const dates = colonnes.map(
    (c) =>
      markup`<th scope="col" class="date">${formatDateFr(c.date)}${c.periode ? markup`<br><small>${c.periode}</small>` : ''}</th>`,
  );
  return markup`
    <table class="competences">
      <caption class="sr-only">Positionnements de l’apprenant pour chaque compétence, par date de bilan</caption>
      <thead>
        <tr>
          <th scope="col">Compétence</th>
          ${dates}
          ${avecEvolution && markup`<th scope="col" class="evolution">Évolution</th>`}
        </tr>
      </thead>
      <tbody>
        ${lignes.map((l) => ligneHtml(l, imprime, avecEvolution))}
      </tbody>
    </table>`.value;
}
