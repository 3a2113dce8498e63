// « Exporter (CSV) »: the class synthesis as a spreadsheet reads it — UTF-8 with a BOM, « ; »
// separators, CRLF — one line per pupil (name, latest bilan, validated, competences acquired,
// then each competence's level), then the « Répartition » lines. Every cell goes through
// csvCell (lib/common/csv-cells.ts): a name or a level that a spreadsheet could take for a
// formula (« +», « ++ », « =… ») is neutralised with the apostrophe spreadsheets use for text.
import { csvCell } from '@/lib/common/csv-cells';
import { formatDateFr } from '@/lib/common/dates';
import { NIVEAUX, NIVEAU_INFOS } from './niveaux';
import type { SyntheseView } from './synthese';

const EVOLUTION: Record<string, string> = { hausse: ' ↑', baisse: ' ↓', stable: ' =', aucune: '' };

function line(cells: (string | number | null)[]): string {
  return cells.map((cell) => csvCell(cell)).join(';');
}

export function syntheseCsv(view: SyntheseView): string {
  const codes = view.competences.map((k) => k.code);
  const lines = [
    line(['Élève', 'Dernier bilan', 'Validé', 'Compétences acquises', ...codes]),
    ...view.lignes.map((l) =>
      line([
        `${l.apprenant.nom} ${l.apprenant.prenom}`,
        l.bilan ? formatDateFr(l.bilan.date) : 'aucun bilan',
        l.bilan ? (l.bilan.valide ? 'oui' : 'non') : null,
        l.bilan ? l.acquises : null,
        ...l.niveaux.map((n, i) =>
          n ? `${NIVEAU_INFOS[n].symbole}${EVOLUTION[l.evolutions[i] ?? 'aucune']}` : null,
        ),
      ]),
    ),
    '',
    line([`Répartition (${view.avecBilan} élèves avec un bilan)`, null, null, null, ...codes]),
    ...NIVEAUX.map((n) =>
      line([
        `${NIVEAU_INFOS[n].symbole} : ${NIVEAU_INFOS[n].signification}`,
        null,
        null,
        null,
        ...view.repartition.map((r) => r.effectifs[n]),
      ]),
    ),
    line([
      'Acquise (+ ou ++) parmi les évalués',
      null,
      null,
      null,
      ...view.repartition.map((r) =>
        r.partAcquise === null ? null : `${Math.round(r.partAcquise * 100)} %`,
      ),
    ]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
