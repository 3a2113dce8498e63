// The flat file of the export: one line per bilan × competence, UTF-8 with a BOM and « ; »
// separators, as French spreadsheets (and PRONOTE's import) expect. Every cell is
// spreadsheet-safe (lib/common/csv.ts): free text that a spreadsheet would run as a formula
// gets a leading apostrophe; only the level symbols, a closed set, are written as they are.
import 'server-only';
import { toCsvText } from '@/lib/common/csv';
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
  // Added in 2026 (bac pro CIEL beside SN): at the end, so that v1 readers by position keep working.
  'referentiel_code',
  'referentiel_version',
] as const;

/** `\`, `|` and `:` inside a note's label are escaped, so a label cannot forge another note. */
function noteLabel(libelle: string): string {
  return libelle.replace(/[\\|:]/g, (c) => `\\${c}`);
}

/** Notes in one cell: « libellé:valeur:coefficient » separated by « | ». */
export function notesCell(notes: BilanExporte['notes']): string {
  return notes.map((n) => `${noteLabel(n.libelle)}:${n.valeur}:${n.coefficient}`).join('|');
}

export function toCsv(uai: string, periode: Periode, bilans: BilanExporte[]): string {
  const rows = bilans.flatMap((b) =>
    b.competences.map((k) => [
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
      b.referentiel.code,
      b.referentiel.version,
    ]),
  );
  // The level symbols (« - », « -+ », « + », « ++ ») are a closed set, kept as they are.
  return toCsvText([[...CSV_COLUMNS], ...rows], { rawColumns: [CSV_COLUMNS.indexOf('niveau')] });
}
