// « Exporter (CSV) » opened as a teacher opens it: LibreOffice Calc (Debian's
// libreoffice-calc, headless) imports the file of Tle SN 2015-2016 (30 pupils × 21
// competences) with its CSV defaults for a French file, then saves every cell as shown.
// Proven on what Calc shows: no cell shows an apostrophe, every level is one of the five
// symbols as typed, every trend a word, and Calc's own COUNTIF on each level column — a
// formula row added under the pupils — gives the counts of the « Répartition » rows: what a
// teacher's filter or count would find.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_UAI, ARCHIVE_YEAR } from '@/drizzle/seed/demo-data';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { stableId } from '@/drizzle/seed/random';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { testDrivers } from '@/lib/db/testing';
import { NIVEAUX } from '@/lib/bilans/niveaux';
import { getSynthese } from './query';
import { niveauSaisi, syntheseCsv } from './csv-rows';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const LEVELS = NIVEAUX.map(niveauSaisi);

/** A1-style column letters of a 0-based index. */
function column(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Calc: import as a French CSV (« ; », UTF-8), evaluate formulas, save as shown. */
function openedInCalc(csv: string): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-calc-'));
  try {
    fs.writeFileSync(path.join(dir, 'synthese.csv'), csv);
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profil`,
        // 59 « ; », 34 « " », 76 UTF-8, from line 1, French; token 13: evaluate formulas.
        '--infilter=CSV:59,34,76,1,,1036,false,false,false,false,false,false,true',
        // Token 9: cells saved as shown.
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,false,true',
        '--outdir',
        path.join(dir, 'calc'),
        path.join(dir, 'synthese.csv'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const shown = fs.readFileSync(path.join(dir, 'calc', 'synthese.csv'), 'utf8');
    return shown
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!soffice && !process.env.CI)('the CSV in LibreOffice Calc', () => {
  const connection = useDemoDatabase(testDrivers()[0]!);

  it('shows no apostrophe, the levels as typed, and counts them as the « Répartition » does', async () => {
    const classeId = stableId('classe', `${DEMO_UAI}|Tle SN|${ARCHIVE_YEAR}`);
    const view = (await getSynthese(connection().db, DEMO_IDS.etablissement, classeId, {
      au: null,
      tri: 'nom',
    }))!;
    const pupils = view.lignes.length;
    expect(pupils).toBe(30);
    const levelColumn = (k: number) => 4 + 2 * k;
    // One row per level: Calc's COUNTIF over each competence's level column (rows 2…31).
    const formulas = LEVELS.map((level) =>
      view.competences
        .map((_, k) => {
          const c = column(levelColumn(k));
          return `"=COUNTIF(${c}2:${c}${pupils + 1};""${level}"")"`;
        })
        .join(';'),
    );
    const csv = syntheseCsv(view);
    const cells = openedInCalc(`${csv}${formulas.join('\r\n')}\r\n`);

    const [header, ...rest] = cells;
    expect(header!.slice(0, 6)).toEqual([
      'Élève',
      'Dernier bilan',
      'Validé',
      'Compétences au moins partiellement acquises (+ ou ++)',
      'C1-1',
      'C1-1 évolution',
    ]);
    const rows = rest.slice(0, pupils);
    for (const line of cells) for (const cell of line) expect(cell).not.toMatch(/^'/);
    for (const row of rows) {
      view.competences.forEach((_, k) => {
        const level = row[levelColumn(k)]!;
        const trend = row[levelColumn(k) + 1]!;
        if (level !== '') expect(LEVELS, row[0]).toContain(level);
        expect(['', 'en progrès', 'en recul', 'stable'], row[0]).toContain(trend);
      });
    }
    // Calc's counts, from its formula rows (the last five), equal the « Répartition ».
    const counted = cells.filter((line) => line.length >= view.competences.length).slice(-5);
    LEVELS.forEach((level, n) => {
      const expected = view.repartition.map((r) => r.effectifs[NIVEAUX[n]!]);
      expect(counted[n]!.slice(0, view.competences.length).map(Number), level).toEqual(expected);
    });
  });
});
