// `npm run import:siecle` and `npm run admin:create` as an operator runs them, on an embedded
// database of their own (DATA_DIR): the preview changes nothing, --appliquer applies, a
// refusal exits 1 with its French message on stderr, and the password is printed once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_UAI } from '@/drizzle/seed/demo-data';
import { siecleFile, zipOf } from '@/lib/administration/siecle/testing';
import { stsFile } from '@/lib/administration/sts/testing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-scripts-'));
const dataDir = path.join(dir, 'data');

function run(program: string, args: string[]) {
  return spawnSync(process.execPath, ['scripts/cli.mjs', program, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const xml = path.join(dir, 'ElevesSansAdresses.xml');
fs.writeFileSync(
  xml,
  siecleFile(DEMO_UAI, 2026, [
    {
      eleveId: '1',
      ine: '990000001AA',
      nom: 'ŒIL',
      prenom: 'Léo',
      mef: '00000000000',
      division: 'SCRIPT1',
    },
    {
      eleveId: '2',
      ine: '990000002AA',
      nom: 'SCRIPT',
      prenom: 'Zoé',
      mef: '00000000000',
      division: 'SCRIPT1',
    },
  ]),
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run import:siecle', () => {
  it(
    'previews without writing, asks for the unknown referential, then applies',
    { timeout: 240_000 },
    () => {
      const preview = run('import-siecle', ['--uai', DEMO_UAI, xml]);
      expect(preview.stderr).toBe('');
      expect(preview.stdout).toContain('SCRIPT1');
      expect(preview.stdout).toContain(
        'Erreur : Choisissez le référentiel de la division SCRIPT1 (MEF inconnu).',
      );
      expect(preview.status).toBe(1);

      const chosen = run('import-siecle', [
        '--uai',
        DEMO_UAI,
        '--referentiel',
        'SCRIPT1=CIEL',
        xml,
      ]);
      expect(chosen.status).toBe(0);
      expect(chosen.stdout).toContain('Nouveaux : 2');
      expect(chosen.stdout).toContain('Aperçu seulement : rien n’a été modifié');

      const applied = run('import-siecle', [
        '--uai',
        DEMO_UAI,
        '--referentiel',
        'SCRIPT1=CIEL',
        '--appliquer',
        xml,
      ]);
      expect(applied.status).toBe(0);
      expect(applied.stdout).toContain('Import appliqué.');

      // The choice is remembered; the same file again changes nothing.
      const again = run('import-siecle', ['--uai', DEMO_UAI, '--appliquer', xml]);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('inchangés : 2');
      expect(again.stdout).toContain('Rien à modifier');
    },
  );

  it(
    'refuses another school’s file or a bad option with a French message, exit 1',
    { timeout: 240_000 },
    () => {
      const zip = path.join(dir, 'autre.zip');
      fs.writeFileSync(zip, zipOf({ 'ElevesSansAdresses.xml': siecleFile('0750001A', 2026, []) }));
      const other = run('import-siecle', ['--uai', DEMO_UAI, '--appliquer', zip]);
      expect(other.status).toBe(1);
      expect(other.stderr.trim()).toBe(
        'Ce fichier est celui de l’établissement 0750001A, pas du vôtre (0999001W) : rien n’a été importé.',
      );
      const option = run('import-siecle', ['--uai', DEMO_UAI, '--referentiel', 'SCRIPT1=BTS', xml]);
      expect(option.status).toBe(1);
      expect(option.stderr).toMatch(
        /--referentiel « SCRIPT1=BTS » : attendu <DIVISION>=<(CIEL\|SN|SN\|CIEL)>/,
      );
      const missing = run('import-siecle', ['--uai', DEMO_UAI, path.join(dir, 'absent.xml')]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/Fichier introuvable/);
    },
  );
});

describe('npm run import:sts', () => {
  it(
    'previews the teams without writing, applies, and a second time changes nothing',
    {
      timeout: 240_000,
    },
    () => {
      const sts = path.join(dir, 'sts_emp_0999001W_2026.xml');
      fs.writeFileSync(
        sts,
        stsFile(
          DEMO_UAI,
          2026,
          [
            { id: '9001', nom: 'ROUX', prenom: 'Camille' },
            { id: '9002', nom: 'PERSONNE', prenom: 'Inconnue' },
          ],
          [
            { code: '2de CIEL', enseignants: ['9001'] },
            { code: 'X9', enseignants: ['9002'] },
          ],
        ),
      );
      const preview = run('import-sts', ['--uai', DEMO_UAI, sts]);
      expect(preview.stderr).toBe('');
      expect(preview.status).toBe(0);
      expect(preview.stdout).toContain('+ ROUX Camille');
      expect(preview.stdout).toContain(
        'Divisions sans classe de l’année (importez SIECLE d’abord) : X9',
      );
      expect(preview.stdout).toContain('Aperçu seulement : rien n’a été modifié');
      const applied = run('import-sts', ['--uai', DEMO_UAI, '--appliquer', sts]);
      expect(applied.status).toBe(0);
      expect(applied.stdout).toContain('Import appliqué.');
      const again = run('import-sts', ['--uai', DEMO_UAI, '--appliquer', sts]);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain(
        'Rien à modifier : les équipes correspondent déjà au fichier.',
      );
      const other = run('import-sts', ['--uai', '0999002X', sts]);
      expect(other.status).toBe(1);
      expect(other.stderr).toContain(
        'Ce fichier est celui de l’établissement 0999001W, pas du vôtre (0999002X)',
      );
    },
  );
});

describe('npm run admin:create', () => {
  it(
    'creates an administrator and prints the password once; a second time is refused',
    { timeout: 120_000 },
    () => {
      const created = run('admin-create', [
        '--uai',
        DEMO_UAI,
        '--email',
        'Second.Admin@lycee-demo.test',
        '--nom',
        'MARTIN',
        '--prenom',
        'Léa',
      ]);
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(/Compte administrateur second\.admin@lycee-demo\.test créé/);
      expect(created.stdout.trim().split('\n').pop()).toMatch(/^[A-Za-z2-9]{16}$/);
      const again = run('admin-create', [
        '--uai',
        DEMO_UAI,
        '--email',
        'second.admin@lycee-demo.test',
      ]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain(
        'Un compte existe déjà avec le courriel second.admin@lycee-demo.test',
      );
      const unknown = run('admin-create', ['--uai', '0000000X', '--email', 'x@y.fr']);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('Aucun établissement avec l’UAI 0000000X.');
    },
  );
});

describe('npm run alimentation:token and npm run import:bilans', () => {
  it('creates a write token, and imports a history file line by line', { timeout: 240_000 }, () => {
    const token = run('alimentation-token', ['--uai', DEMO_UAI, '--label', 'TDB']);
    expect(token.status).toBe(0);
    expect(token.stdout.trim().split('\n').pop()).toMatch(/^cpro_al_/);
    const listed = run('alimentation-token', ['--list', '--uai', DEMO_UAI]);
    expect(listed.stdout).toContain('« TDB »  actif, jamais utilisé');
    // The pupils the SIECLE test above imported (INE 990000001AA, class SCRIPT1, CIEL).
    const line = (source: string, ine: string) =>
      JSON.stringify({
        source,
        apprenant: { ine },
        referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
        date: '2026-10-01',
        constats: 'Import.',
        conseils: '',
        positionnements: Object.fromEntries(
          ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'].map((c) => [c, '+']),
        ),
        notes: [],
        valide: true,
      });
    const ndjson = path.join(dir, 'historique.ndjson');
    fs.writeFileSync(ndjson, [line('h:1', '990000001AA'), line('h:2', 'INCONNU'), ''].join('\n'));
    const imported = run('import-bilans', ['--uai', DEMO_UAI, ndjson]);
    expect(imported.stdout).toContain('Créés : 1 ·');
    expect(imported.stdout).toContain('refusés : 1');
    expect(imported.stdout).toContain(
      'ligne 2 (h:2) : apprenant — Aucun apprenant de l’établissement ne correspond.',
    );
    expect(imported.status).toBe(1);
    const again = run('import-bilans', ['--uai', DEMO_UAI, ndjson]);
    expect(again.stdout).toContain('inchangés : 1');
  });
});
