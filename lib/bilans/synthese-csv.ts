// « Exporter (CSV) »: the class synthesis as a spreadsheet reads it — UTF-8 with a BOM, « ; »
// separators, CRLF — one line per pupil (name, latest bilan, validated, competences acquired,
// then each competence's level), then the « Répartition » lines. Every cell is made safe by
// lib/common/csv.ts: a name or a level that a spreadsheet could take for a formula (« +»,
// « ++ », « =… ») is neutralised with the apostrophe spreadsheets use for text.
import { toCsvText, type CsvValue } from '@/lib/common/csv';
import { formatDateFr } from '@/lib/common/dates';
import { EVOLUTION_INFOS, NIVEAUX, NIVEAU_INFOS, type Evolution } from './niveaux';
import type { SyntheseView } from './synthese';

/** The trend after the level, as on the page; nothing without a comparison. */
function evolutionText(evolution: Evolution | undefined): string {
  return !evolution || evolution === 'aucune' ? '' : ` ${EVOLUTION_INFOS[evolution].symbole}`;
}

export function syntheseCsv(view: SyntheseView): string {
  const codes = view.competences.map((k) => k.code);
  const rows: CsvValue[][] = [
    ['Élève', 'Dernier bilan', 'Validé', 'Compétences acquises', ...codes],
    ...view.lignes.map((l) => [
      `${l.apprenant.nom} ${l.apprenant.prenom}`,
      l.bilan ? formatDateFr(l.bilan.date) : 'aucun bilan',
      l.bilan ? (l.bilan.valide ? 'oui' : 'non') : null,
      l.bilan ? l.acquises : null,
      ...l.niveaux.map((n, i) =>
        n ? `${NIVEAU_INFOS[n].symbole}${evolutionText(l.evolutions[i])}` : null,
      ),
    ]),
    [],
    [`Répartition (${view.avecBilan} élèves avec un bilan)`, null, null, null, ...codes],
    ...NIVEAUX.map((n) => [
      `${NIVEAU_INFOS[n].symbole} : ${NIVEAU_INFOS[n].signification}`,
      null,
      null,
      null,
      ...view.repartition.map((r) => r.effectifs[n]),
    ]),
    [
      'Acquise (+ ou ++) parmi les évalués',
      null,
      null,
      null,
      ...view.repartition.map((r) =>
        r.partAcquise === null ? null : `${Math.round(r.partAcquise * 100)} %`,
      ),
    ],
  ];
  return toCsvText(rows);
}
