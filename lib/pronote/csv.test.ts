// The PRONOTE CSV opens safely in a spreadsheet: no cell of free text starts a formula, the
// level symbols stay as they are, and a note's label cannot forge another note.
import { describe, expect, it } from 'vitest';
import { notesCell, toCsv, CSV_COLUMNS } from './csv';
import type { BilanExporte, Periode } from './export';

const periode: Periode = {
  id: '00000000-0000-4000-8000-000000000001',
  libelle: '=Trimestre 1',
  anneeScolaire: '2026-2027',
  debut: '2026-09-01',
  fin: '2026-11-30',
  cloture: '2026-12-21',
};

const bilan: BilanExporte = {
  id: '00000000-0000-4000-8000-000000000002',
  apprenant: { nom: '=HYPERLINK("http://evil.test")', prenom: '+Zoé', ine: '@123', classe: '-1re' },
  referentiel: { code: '=BAC-PRO-CIEL', version: '2023' },
  date: '2026-11-20',
  valideLe: '2026-11-21',
  conseils: '\tcmd|calc',
  notes: [
    { libelle: 'Oral|Forgée:20:9', valeur: 12, coefficient: 1 },
    { libelle: 'a\\b', valeur: 8.5, coefficient: 2 },
  ],
  competences: [
    { code: 'C1-1', equivalence: null, niveau: '-', symbole: '−', valeur: 1 },
    { code: 'C1-2', equivalence: null, niveau: '-+', symbole: '−+', valeur: 2 },
    { code: 'C1-3', equivalence: null, niveau: '++', symbole: '++', valeur: 4 },
  ],
};

function cells(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));
}

describe('toCsv', () => {
  const [header, ...rows] = cells(toCsv('=0999001W', periode, [bilan]));
  const col = (name: (typeof CSV_COLUMNS)[number]) => header!.indexOf(name);

  it('neutralises every free-text cell that would start a formula', () => {
    for (const row of rows) {
      for (const name of [
        'uai',
        'periode',
        'nom',
        'prenom',
        'ine',
        'classe',
        'conseils',
        'referentiel_code',
      ] as const) {
        expect(
          row[col(name)]!.replace(/^"/, '').startsWith("'"),
          `${name}: ${row[col(name)]}`,
        ).toBe(true);
      }
      for (const cell of row) {
        if (cell === row[col('niveau')]) continue;
        expect(cell.replace(/^"/, ''), cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('keeps the level symbols of the niveau column as they are', () => {
    expect(rows.map((r) => r[col('niveau')])).toEqual(['-', '-+', '++']);
  });

  it('escapes | and : inside a note label, so it cannot forge a note', () => {
    const notes = notesCell(bilan.notes);
    expect(notes).toBe('Oral\\|Forgée\\:20\\:9:12:1|a\\\\b:8.5:2');
    // Split on unescaped « | »: exactly the two real notes.
    expect(notes.split(/(?<!\\)\|/)).toHaveLength(2);
  });
});
