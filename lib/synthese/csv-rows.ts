// « Exporter (CSV) »: the class synthesis as a spreadsheet reads it — UTF-8 with a BOM, « ; »
// separators, CRLF — one line per pupil (name, latest bilan, validated, competences acquired,
// then for each competence its level and, in the next cell, its trend in words), then the
// « Répartition » lines and the legend in one row. The levels are written as a teacher types
// them (`NE`, `-`, `-+`, `+`, `++`: the keyboard hyphen), so that a filter or a COUNTIF on
// « -+ » finds them; they are a closed set, written as they are. Every other text cell is
// made safe by lib/common/csv.ts (a name a spreadsheet could take for a formula is
// neutralised with an apostrophe) and, to show none, starts with a letter.
import { toCsvText, type CsvValue } from '@/lib/common/csv';
import { formatDateFr } from '@/lib/common/dates';
import { EVOLUTION_INFOS, NIVEAUX, NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';
import type { SyntheseView } from './query';

/** A level as typed on a keyboard (« −+ » is printed with a true minus sign). */
export function niveauSaisi(niveau: Niveau): string {
  return NIVEAU_INFOS[niveau].symbole.replace('−', '-');
}

const LEGENDE = `Légende : ${NIVEAUX.map((n) => `${niveauSaisi(n)} = ${NIVEAU_INFOS[n].signification.toLowerCase()}`).join(' ; ')}`;

/** Four columns before the competences: name, date, validated, competences acquired. */
const FIXED = 4;

export function syntheseCsv(view: SyntheseView): string {
  const codes = view.competences.flatMap((k) => [k.code, `${k.code} évolution`]);
  const blanks = (n: number) => Array<CsvValue>(n).fill(null);
  const rows: CsvValue[][] = [
    [
      'Élève',
      'Dernier bilan',
      'Validé',
      'Compétences au moins partiellement acquises (+ ou ++)',
      ...codes,
    ],
    ...view.lignes.map((l) => [
      `${l.apprenant.nom} ${l.apprenant.prenom}`,
      l.bilan
        ? `${formatDateFr(l.bilan.date)}${l.bilan.anneePrecedente ? ' (année précédente)' : ''}`
        : 'aucun bilan',
      l.bilan ? (l.bilan.valide ? 'oui' : 'non') : null,
      l.bilan && !l.bilan.anneePrecedente ? l.acquises : null,
      ...l.niveaux.flatMap((n, i) => {
        const evolution = l.evolutions[i] ?? 'aucune';
        return n
          ? [niveauSaisi(n), evolution === 'aucune' ? null : EVOLUTION_INFOS[evolution].texte]
          : [null, null];
      }),
    ]),
    [],
    [`Répartition (${view.avecBilan} élèves avec un bilan)`, ...blanks(FIXED - 1), ...codes],
    ...NIVEAUX.map((n) => [
      `${NIVEAU_INFOS[n].signification} (${niveauSaisi(n)})`,
      ...blanks(FIXED - 1),
      ...view.repartition.flatMap((r) => [r.effectifs[n], null]),
    ]),
    [
      'Au moins partiellement acquise (+ ou ++) parmi les évalués',
      ...blanks(FIXED - 1),
      ...view.repartition.flatMap((r) => [
        r.partAcquise === null ? null : `${Math.round(r.partAcquise * 100)} %`,
        null,
      ]),
    ],
    [],
    [LEGENDE],
  ];
  // The level columns: every other column after the fixed ones.
  const levelColumns = view.competences.map((_, i) => FIXED + 2 * i);
  return toCsvText(rows, { rawColumns: levelColumns });
}
