// The class synthesis as markup: one row per pupil, one column per competence (its code in
// the header, its label for mouse, keyboard and screen readers), each cell a level — colour
// AND symbol — with its change since the pupil's previous bilan, and the « Répartition »
// footer. A string for the same reason as the competence table (630 cells for a class of 30):
// rendered by React it would be most of the page's server time. Every value is escaped
// (lib/common/safe-html.ts). On paper (`imprime`): no links, no focus stops, no hidden text,
// and <b> for <strong> (Chromium would tag it with PDF 2.0's « Strong » in a PDF 1.x file).
import { markup, type SafeHtml } from '@/lib/common/safe-html';
import { pupilPath } from '@/lib/http/paths';
import { formatDateFr } from '@/lib/common/dates';
import { EVOLUTION_INFOS, NIVEAUX, NIVEAU_INFOS, type Evolution } from '@/lib/bilans/niveaux';
import type { SyntheseLigne, SyntheseView } from '@/lib/synthese/query';
import { niveauBadgeHtml } from '@/lib/ui/bilans/niveau-html';

/** What the arrows mean, written under the table (on screen and on paper). */
export const EVOLUTIONS_EXPLIQUEES =
  '↑ en progrès, ↓ en recul, = stable depuis le bilan précédent de l’élève (un « NE » n’est jamais comparé).';

/** « (fin du T1) » when the synthesis' `au` is the last day of a term of the year. */
export function auPeriode(view: SyntheseView): string {
  const periode = view.periodes.find((p) => p.fin === view.au);
  return periode ? ` (fin du ${periode.court})` : '';
}

function evolutionHtml(evolution: Evolution, imprime: boolean): SafeHtml | null {
  if (evolution === 'aucune') return null;
  const { symbole } = EVOLUTION_INFOS[evolution];
  const texte = `${EVOLUTION_INFOS[evolution].texte} depuis le bilan précédent`;
  return imprime
    ? markup`<span class="evo ${evolution}">${symbole}</span>`
    : markup`<span class="evo ${evolution}" title="${texte}"><span aria-hidden="true">${symbole}</span><span class="sr-only">, ${texte}</span></span>`;
}

function pourcentage(part: number): string {
  return `${Math.round(part * 100)} %`;
}

function ligneHtml(ligne: SyntheseLigne, imprime: boolean, classeId: string): SafeHtml {
  const { apprenant, bilan } = ligne;
  const nom = `${apprenant.nom} ${apprenant.prenom}`;
  const href = pupilPath(apprenant.id, { bilanId: bilan?.id, classeId });
  const eleve = imprime ? nom : markup`<a href="${href}">${nom}</a>`;
  // On paper one line per pupil: only a bilan still awaiting validation says so.
  // The date with its term (« T2 »): councils work by term.
  const periode = bilan?.anneePrecedente
    ? ' · année précédente'
    : bilan?.periode
      ? ` · ${bilan.periode}`
      : '';
  const dernier = !bilan
    ? markup`<td class="bilan aucun">aucun bilan</td>`
    : imprime
      ? markup`<td class="bilan">${formatDateFr(bilan.date)}${periode}${bilan.valide ? '' : ' (en cours)'}</td>`
      : markup`<td class="bilan">${formatDateFr(bilan.date)}${periode}<br><small>${bilan.valide ? 'validé' : 'en cours de validation'}</small></td>`;
  const cells = bilan
    ? ligne.niveaux.map((niveau, i) =>
        niveau
          ? markup`<td class="niveau-cell">${niveauBadgeHtml(niveau, imprime ? 'none' : 'hidden-text')}${evolutionHtml(ligne.evolutions[i] ?? 'aucune', imprime)}</td>`
          : markup`<td class="niveau-cell"><span class="vide">non renseigné</span></td>`,
      )
    : ligne.niveaux.map(() => markup`<td class="niveau-cell"></td>`);
  return markup`<tr><th scope="row" class="eleve">${eleve}</th>${dernier}<td class="acquises">${bilan && !bilan.anneePrecedente ? ligne.acquises : bilan ? '—' : ''}</td>${cells}</tr>`;
}

function enteteHtml(view: SyntheseView, imprime: boolean): SafeHtml {
  const competences = view.competences.map((k) =>
    imprime
      ? markup`<th scope="col" class="competence">${k.code}</th>`
      : // No Tab stop per column: the labels are listed under the table, and read with the header.
        markup`<th scope="col" class="competence"><span class="code">${k.code}</span><span class="infobulle"> ${k.libelle}</span></th>`,
  );
  return markup`<thead><tr><th scope="col" class="eleve">Élève</th><th scope="col" class="bilan">Dernier bilan</th><th scope="col" class="acquises">Nombre<br>de + ou ++<span class="sr-only"> : compétences au moins partiellement acquises</span></th>${competences}</tr></thead>`;
}

function repartitionHtml(view: SyntheseView, imprime: boolean): SafeHtml {
  const rows = NIVEAUX.map((niveau) => {
    const cells = view.repartition.map((r) => markup`<td>${r.effectifs[niveau]}</td>`);
    return markup`<tr class="effectifs"><th scope="row" colspan="3">${niveauBadgeHtml(niveau, 'none')} ${NIVEAU_INFOS[niveau].signification}</th>${cells}</tr>`;
  });
  const nonRenseignes = view.repartition.some((r) => r.nonRenseignes > 0)
    ? markup`<tr class="effectifs"><th scope="row" colspan="3">Non renseigné</th>${view.repartition.map((r) => markup`<td>${r.nonRenseignes}</td>`)}</tr>`
    : null;
  const parts = view.repartition.map((r) =>
    r.partAcquise === null
      ? markup`<td>—</td>`
      : r.moinsAcquise
        ? markup`<td class="moins-acquise">${imprime ? markup`<b>${pourcentage(r.partAcquise)}</b>` : markup`<strong>${pourcentage(r.partAcquise)}</strong>`}<br><small>${imprime ? '▼ part la plus faible' : markup`<span aria-hidden="true">▼</span> part la plus faible`}</small></td>`
        : markup`<td>${pourcentage(r.partAcquise)}</td>`,
  );
  return markup`<tfoot>
    <tr class="titre"><th scope="rowgroup" colspan="${3 + view.competences.length}">Répartition (${view.avecBilan} élève${view.avecBilan > 1 ? 's' : ''} avec un bilan)</th></tr>
    ${rows}${nonRenseignes}
    <tr class="parts"><th scope="row" colspan="3">Au moins partiellement acquise (« + » ou « ++ ») parmi les évalués</th>${parts}</tr>
  </tfoot>`;
}

export function syntheseTableHtml(view: SyntheseView, imprime = false): string {
  const au = view.au ? ` au ${formatDateFr(view.au)}` : '';
  return markup`<table class="synthese">
    <caption class="sr-only">Synthèse de la classe ${view.classe.nom} ${view.classe.anneeScolaire}${au} : niveau de chaque élève à son dernier bilan, pour chaque compétence</caption>
    ${enteteHtml(view, imprime)}
    <tbody>${view.lignes.map((l) => ligneHtml(l, imprime, view.classe.id))}</tbody>
    ${repartitionHtml(view, imprime)}
  </table>`.value;
}
