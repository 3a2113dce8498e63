// « Saisie de la classe »: the grid's state in the browser (pure), then on both drivers — as
// the application's least-privilege role on PostgreSQL — the grid read for the team only, a
// row saved through the same domain function as the pupil's form (a new draft, a draft's
// levels changed with its texts kept, a level cleared), a stale row refused with their levels,
// a pupil of another class refused, and rows saved at once: one draft per pupil, none lost.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { testDrivers } from '@/lib/db/testing';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { bilans } from '@/lib/db/schema';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { currentDraft } from '@/lib/redaction/brouillon';
import { saveDraft, saveLevels, validateDraft, type Redacteur } from '@/lib/redaction/enregistrer';
import { levelsKey, parseLevelsKey } from './ui/fields';
import { ligneComplete, loadGrille, type Grille } from './grille';
import {
  afterSave,
  initialLines,
  isDirty,
  keepMine,
  levelOfKey,
  mergeServer,
  restore,
  rowBody,
  setLevel,
  takeTheirs,
  toKeep,
  unsaved,
  withAcknowledged,
} from './ui/model';

// In the second term (T2 from 1 December): T1's validated bilans are « précédent », not this
// period's.
const TEST_TODAY = '2026-12-06';
const CIEL_CODES = ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];

describe('the grid in the browser', () => {
  const start = () =>
    initialLines([
      { id: 'a', etat: 'brouillon', source: 'cpro:1', version: 2, niveaux: { C01: '+' } },
      { id: 'b', etat: 'valide', source: '', version: 0, niveaux: { C01: '++' } },
    ]);

  it('reads digits and letters as levels, and levels as one text and back', () => {
    expect(['0', 'n', 'N', '1', '2', '3', '4', '5', 'x'].map(levelOfKey)).toEqual([
      'NE',
      'NE',
      'NE',
      '-',
      '-+',
      '+',
      '++',
      null,
      null,
    ]);
    const key = levelsKey({ C03: '-+', C01: 'NE', C04: null });
    expect(key).toBe('C01=NE;C03=-+');
    expect(parseLevelsKey(key)).toEqual({ C01: 'NE', C03: '-+' });
  });

  it('a save answered but not yet drawn: the next one names the version the server gave', () => {
    const drawn = setLevel(start().a!, 'C03', '++');
    const acked = {
      source: 'cpro:1',
      version: 3,
      niveaux: { C01: '+' as const, C03: '++' as const },
    };
    const next = withAcknowledged(drawn, acked);
    expect(rowBody('a', next, ['C01', 'C03']).version).toBe(3);
    // Nothing typed since the answer: nothing left to send.
    expect(isDirty(next)).toBe(false);
    // An older answer (a colleague's version taken since) changes nothing.
    expect(withAcknowledged(drawn, { ...acked, version: 2 })).toBe(drawn);
  });

  it('saves what was sent, keeps what was typed meanwhile, never writes over a colleague', () => {
    const typed = setLevel(start().a!, 'C03', '++');
    expect(unsaved(typed)).toBe(true);
    expect(rowBody('a', typed, ['C01', 'C03', 'C04'])).toEqual({
      apprenantId: 'a',
      source: 'cpro:1',
      version: 2,
      niveaux: { C01: '+', C03: '++', C04: null },
    });
    const sent = typed.niveaux;
    const more = setLevel(typed, 'C04', 'NE');
    const saved = afterSave(more, sent, {
      resultat: 'enregistre',
      source: 'cpro:1',
      version: 3,
      quand: 'à 10:00',
    });
    expect(saved).toMatchObject({ statut: 'modifie', base: { version: 3 } });
    const conflict = afterSave(typed, sent, {
      resultat: 'modifie',
      message: 'Modifié par Julien LAMBERT',
      source: 'cpro:1',
      version: 4,
      leur: { C01: '-' },
    });
    expect(conflict.statut).toBe('conflit');
    // Typing in a row in conflict keeps it in conflict (never saved over theirs unasked).
    expect(setLevel(conflict, 'C01', 'NE').statut).toBe('conflit');
    expect(keepMine(conflict)).toMatchObject({ statut: 'modifie', base: { version: 4 } });
    expect(takeTheirs(conflict)).toMatchObject({
      statut: 'propre',
      niveaux: { C01: '-' },
      base: { version: 4, niveaux: { C01: '-' } },
    });
  });

  it('keeps unsaved rows, puts them back over the same version, in conflict over another', () => {
    const lines = start();
    lines.a = setLevel(lines.a!, 'C03', '-');
    const kept = toKeep(lines);
    expect(Object.keys(kept)).toEqual(['a']);
    expect(restore(start(), kept).a).toMatchObject({ statut: 'modifie', niveaux: { C03: '-' } });
    const moved = initialLines([
      { id: 'a', etat: 'brouillon', source: 'cpro:1', version: 5, niveaux: { C01: '++' } },
    ]);
    const back = restore(moved, kept).a!;
    expect(back).toMatchObject({ statut: 'conflit', niveaux: { C01: '+', C03: '-' } });
    expect(back.leur?.niveaux).toEqual({ C01: '++' });
    // The server's refresh leaves typed rows alone.
    const merged = mergeServer(lines, [
      { id: 'a', etat: 'brouillon', source: 'cpro:1', version: 9, niveaux: {} },
      { id: 'b', etat: 'valide', source: '', version: 0, niveaux: { C01: '++' } },
    ]);
    expect(merged.a).toBe(lines.a);
  });
});

describe.each(testDrivers())('the class’s grid ($name)', (driver) => {
  const connection = useDemoDatabase(driver, { today: TEST_TODAY });
  let db: Database;
  let classeId: string;
  let otherClasseId: string;
  let free: string[];
  const sophie: Redacteur = { utilisateurId: DEMO_IDS.enseignant, libelle: 'Sophie LEFÈVRE' };
  const julien: Redacteur = { utilisateurId: DEMO_IDS.enseignant2, libelle: 'Julien LAMBERT' };
  const ctx = (): UseCaseContext => ({
    db,
    etablissementId: DEMO_IDS.etablissement,
    acteur: { kind: 'script', libelle: 'test' },
  });
  const options = () => ({ today: TEST_TODAY, classeId });
  const levels = (niveau: '+' | '-' | null) =>
    Object.fromEntries(CIEL_CODES.map((c) => [c, niveau])) as Record<string, '+' | '-' | null>;

  beforeAll(async () => {
    const owner = connection().db;
    db = (await connection().asAppRole()).db;
    const classes = parseRows(
      await owner.execute(sql`
        select id, nom from classes
         where etablissement_id = ${DEMO_IDS.etablissement} and annee_scolaire = '2026-2027'
           and nom in ('Tle CIEL', '1re CIEL')`),
      z.object({ id: z.string(), nom: z.string() }),
    );
    classeId = classes.find((c) => c.nom === 'Tle CIEL')!.id;
    otherClasseId = classes.find((c) => c.nom === '1re CIEL')!.id;
    free = parseRows(
      await owner.execute(sql`
        select a.id from apprenants a join inscriptions i on i.apprenant_id = a.id
         where i.classe_id = ${classeId} and i.sortie_le is null
           and not exists (select 1 from bilans b where b.apprenant_id = a.id and b.valide_le is null)
         order by a.nom, a.prenom`),
      z.object({ id: z.string() }),
    ).map((r) => r.id);
    expect(free.length).toBeGreaterThanOrEqual(8);
  });

  const grid = async () =>
    (await loadGrille(
      db,
      DEMO_IDS.etablissement,
      sophie.utilisateurId,
      classeId,
      TEST_TODAY,
    )) as Grille;

  it('is read by the class’s team only, every pupil still enrolled, in name order', async () => {
    expect(
      await loadGrille(db, DEMO_IDS.etablissement, DEMO_IDS.remplacant, classeId, TEST_TODAY),
    ).toBe('interdit');
    expect(
      await loadGrille(
        db,
        DEMO_IDS.etablissementVoisin,
        DEMO_IDS.enseignantVoisin,
        classeId,
        TEST_TODAY,
      ),
    ).toBe('introuvable');
    expect(
      await loadGrille(db, DEMO_IDS.etablissement, sophie.utilisateurId, 'x', TEST_TODAY),
    ).toBe('introuvable');
    const g = await grid();
    expect(g.courante).toBe(true);
    expect(g.competences.map((k) => k.code)).toEqual(CIEL_CODES);
    const names = g.lignes.map((l) => `${l.apprenant.nom} ${l.apprenant.prenom}`);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    const row = g.lignes.find((l) => l.apprenant.id === free[0]);
    expect(row).toMatchObject({ etat: 'aucun', source: '', version: 0, niveaux: {} });
    expect(g.lignes.some((l) => l.etat === 'brouillon' && l.source)).toBe(true);
    expect(Object.keys(row!.precedent)).toHaveLength(CIEL_CODES.length);
  });

  it('saves a row as a new draft, then its levels over a draft with texts, which stay', async () => {
    const pupil = free[0]!;
    const first = await saveLevels(
      ctx(),
      sophie,
      pupil,
      { source: '', version: 0, niveaux: { ...levels(null), C01: '+', C03: '-' } },
      options(),
    );
    expect(first).toMatchObject({ kind: 'enregistre', version: 1 });
    if (first.kind !== 'enregistre') return;
    let draft = await currentDraft(db, pupil);
    expect(draft?.saisie).toMatchObject({ date: TEST_TODAY, niveaux: { C01: '+', C03: '-' } });
    // Texts written in the pupil's form, then the grid changes a level and clears another.
    const texts = await saveDraft(
      ctx(),
      julien,
      pupil,
      { ...draft!.saisie, constats: 'Écrit dans le formulaire.' },
      { today: TEST_TODAY },
    );
    expect(texts.kind).toBe('enregistre');
    draft = await currentDraft(db, pupil);
    const second = await saveLevels(
      ctx(),
      sophie,
      pupil,
      { source: draft!.source, version: draft!.version, niveaux: { C01: '++', C03: null } },
      options(),
    );
    expect(second.kind).toBe('enregistre');
    draft = await currentDraft(db, pupil);
    expect(draft?.saisie).toMatchObject({
      niveaux: { C01: '++' },
      constats: 'Écrit dans le formulaire.',
    });
    expect(draft?.modifiePar).toBe('Sophie LEFÈVRE');
    const row = (await grid()).lignes.find((l) => l.apprenant.id === pupil)!;
    expect(row).toMatchObject({ etat: 'brouillon', texte: true, niveaux: { C01: '++' } });
    expect(ligneComplete(row, (await grid()).competences)).toBe(false);
  });

  it('refuses a stale row with their levels; a pupil of another class; writes no empty draft', async () => {
    const pupil = free[1]!;
    const saved = await saveLevels(
      ctx(),
      julien,
      pupil,
      { source: '', version: 0, niveaux: { C01: '-' } },
      options(),
    );
    expect(saved.kind).toBe('enregistre');
    const stale = await saveLevels(
      ctx(),
      sophie,
      pupil,
      { source: '', version: 0, niveaux: { C01: '++' } },
      options(),
    );
    expect(stale).toMatchObject({
      kind: 'modifie',
      leur: { niveaux: { C01: '-' } },
      message: expect.stringMatching(/commencé par Julien LAMBERT/),
    });
    expect((await currentDraft(db, pupil))?.saisie.niveaux).toEqual({ C01: '-' });
    // A pupil of Tle CIEL posted as of 1re CIEL's grid.
    expect(
      await saveLevels(
        ctx(),
        sophie,
        free[2]!,
        { source: '', version: 0, niveaux: { C01: '+' } },
        { today: TEST_TODAY, classeId: otherClasseId },
      ),
    ).toEqual({ kind: 'interdit' });
    const empty = await saveLevels(
      ctx(),
      sophie,
      free[2]!,
      { source: '', version: 0, niveaux: levels(null) },
      options(),
    );
    expect(empty.kind).toBe('enregistre');
    expect(await currentDraft(db, free[2]!)).toBeNull();
  });

  it('validates a complete row; then the row is read-only as « validé » of the period', async () => {
    const pupil = free[3]!;
    const saved = await saveLevels(
      ctx(),
      sophie,
      pupil,
      { source: '', version: 0, niveaux: levels('+') },
      options(),
    );
    if (saved.kind !== 'enregistre') throw new Error(saved.kind);
    // Incomplete without a text: refused, named.
    const refused = await validateDraft(ctx(), sophie, pupil, saved, options());
    expect(refused).toMatchObject({ kind: 'refus', message: /Écrivez les constats/ });
    const draft = await currentDraft(db, pupil);
    const texts = await saveDraft(
      ctx(),
      sophie,
      pupil,
      { ...draft!.saisie, conseils: 'Continuer.' },
      { today: TEST_TODAY },
    );
    if (texts.kind !== 'enregistre') throw new Error(texts.kind);
    const row = (await grid()).lignes.find((l) => l.apprenant.id === pupil)!;
    expect(ligneComplete(row, (await grid()).competences)).toBe(true);
    expect(await validateDraft(ctx(), sophie, pupil, texts, options())).toMatchObject({
      kind: 'valide',
    });
    const after = (await grid()).lignes.find((l) => l.apprenant.id === pupil)!;
    expect(after).toMatchObject({ etat: 'valide', niveaux: levels('+') });
  });

  it('saves rows at once: one draft per pupil, the same row twice at once written once', async () => {
    const pupils = free.slice(4, 8);
    // Four teachers' rows at once, each its pupil: all written.
    const rows = await Promise.all(
      pupils.map((p, i) =>
        saveLevels(
          ctx(),
          i % 2 ? julien : sophie,
          p,
          { source: '', version: 0, niveaux: levels('-') },
          options(),
        ),
      ),
    );
    expect(rows.map((r) => r.kind)).toEqual([
      'enregistre',
      'enregistre',
      'enregistre',
      'enregistre',
    ]);
    // The same pupil's row from six grids read at the same version: one written, the others told.
    const draft = await currentDraft(db, pupils[0]!);
    const same = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        saveLevels(
          ctx(),
          i % 2 ? julien : sophie,
          pupils[0]!,
          {
            source: draft!.source,
            version: draft!.version,
            niveaux: { ...levels('-'), C11: i % 2 ? '+' : 'NE' },
          },
          options(),
        ),
      ),
    );
    expect(same.filter((r) => r.kind === 'enregistre')).toHaveLength(1);
    expect(same.filter((r) => r.kind === 'modifie')).toHaveLength(5);
    for (const p of pupils) {
      const count = await db
        .select({ id: bilans.id })
        .from(bilans)
        .where(and(eq(bilans.apprenantId, p), isNull(bilans.valideLe)));
      expect(count).toHaveLength(1);
    }
  });
});
