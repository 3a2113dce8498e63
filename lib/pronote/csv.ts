// The flat file of the export: one line per bilan × competence, UTF-8 with a BOM and « ; »
// separators, as French spreadsheets (and PRONOTE's import) expect.
import type { BilanExporte, Periode } from './export';

export const CSV_COLUMNS = [
  'uai',
  'periode',
  'bilan_id',
  'date_bilan',
  'date_validation',
  'nom',
  'prenom',
  'ine',
  'classe',
  'competence_code',
  'competence_equivalence',
  'niveau',
  'valeur',
  'conseils',
  'notes',
] as const;

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Notes in one cell: « libellé:valeur:coefficient » separated by « | ». */
export function notesCell(notes: BilanExporte['notes']): string {
  return notes.map((n) => `${n.libelle}:${n.valeur}:${n.coefficient}`).join('|');
}

export function toCsv(uai: string, periode: Periode, bilans: BilanExporte[]): string {
  const lines = [CSV_COLUMNS.join(';')];
  for (const b of bilans) {
    for (const k of b.competences) {
      lines.push(
        [
          uai,
          periode.libelle,
          b.id,
          b.date,
          b.valideLe,
          b.apprenant.nom,
          b.apprenant.prenom,
          b.apprenant.ine,
          b.apprenant.classe,
          k.code,
          k.equivalence,
          k.niveau,
          k.valeur,
          b.conseils,
          notesCell(b.notes),
        ]
          .map(field)
          .join(';'),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
