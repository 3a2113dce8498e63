// « Rédiger un bilan »: the form's checks (pure), then on both drivers — as the application's
// least-privilege role on PostgreSQL — the team checked in the code that writes, a draft
// saved and continued by a colleague, a stale save refused with who and when, one draft per
// pupil, validation's completeness and its confirmation, the history of writes, the write
// API over a teacher's version, and concurrent saves.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { useDemoDatabase, TEST_TODAY } from '@/drizzle/seed/testing';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { testDrivers } from '@/lib/db/testing';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { z } from 'zod';
import { bilans, ecrituresAlimentation, sourcesBilans } from '@/lib/db/schema';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { writeBilan } from '@/lib/alimentation/write';
import { modifiedMessage } from '@/lib/alimentation/schema';
import { ifMatchVersion } from '@/lib/alimentation/handler';
import { checkSaisie, missingForValidation, readSaisie, saisieFields, type Saisie } from './saisie';
import { currentDraft, loadRedaction } from './brouillon';
import { saveDraft, validateDraft, type Redacteur } from './enregistrer';
import { historiqueLine, historiqueOf } from './historique';

const COMPETENCES = [
  { id: 'k1', code: 'C01', libelle: 'Un' },
  { id: 'k3', code: 'C03', libelle: 'Trois' },
];
const CIEL_CODES = ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];

const base: Saisie = {
  source: '',
  version: 0,
  date: '2026-11-20',
  niveaux: { C01: '+' },
  constats: 'Constats.',
  conseils: '',
  notes: [],
};

describe('the form’s checks', () => {
  it('reads the fields back as they were drawn', () => {
    const s: Saisie = {
      ...base,
      niveaux: { C01: '-+', C03: 'NE' },
      notes: [{ libelle: 'TP réseau', valeur: '12.50', coefficient: '2.00' }],
    };
    const read = readSaisie(saisieFields(s));
    expect({ ...read, inconnus: undefined }).toEqual({ ...s, inconnus: undefined });
  });

  it('refuses each bad input in French, beside its field', () => {
    const fields = {
      ...saisieFields({
        ...base,
        notes: [
          { libelle: 'Oral', valeur: '21', coefficient: '1' },
          { libelle: '', valeur: '10', coefficient: '0' },
        ],
        constats: 'x'.repeat(20_001),
      }),
      'niveau:C03': '+++',
      'niveau:C99': '+',
      date: '2026-12-31',
    };
    const checked = checkSaisie(readSaisie(fields), COMPETENCES, TEST_TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toMatch(/La compétence C99 n’est pas du référentiel/);
    expect(checked.champs).toEqual({
      date: 'La date doit être dans l’année scolaire 2026-2027, au plus tard aujourd’hui (28/11/2026).',
      'niveau:C03': 'Niveau inconnu pour C03 : « +++ » (NE, -, -+, + ou ++).',
      constats: '20000 caractères au plus.',
      'note:0:valeur': 'La note est sur 20 : un nombre entre 0 et 20.',
      'note:1:libelle': 'Indiquez le libellé de la note.',
      'note:1:coefficient': 'Le coefficient est un nombre plus grand que 0 (99 au plus).',
    });
    // A date of the previous school year, a forged version.
    const old = checkSaisie({ ...base, date: '2026-08-31', version: -1 }, COMPETENCES, TEST_TODAY);
    expect(!old.ok && old.message).toMatch(/ne dit pas de quel brouillon/);
    expect(!old.ok && old.champs.date).toMatch(/année scolaire 2026-2027/);
  });

  it('accepts a comma in a mark, keeps the referential’s order, skips empty rows', () => {
    const checked = checkSaisie(
      {
        ...base,
        niveaux: { C03: '++', C01: 'NE' },
        notes: [
          { libelle: ' Oral ', valeur: '12,5', coefficient: '' },
          { libelle: '', valeur: '', coefficient: '' },
        ],
      },
      COMPETENCES,
      TEST_TODAY,
    );
    expect(checked).toEqual({
      ok: true,
      value: expect.objectContaining({
        niveaux: [
          ['k1', 'NE'],
          ['k3', '++'],
        ],
        notes: [{ libelle: 'Oral', valeur: '12.50', coefficient: '1.00' }],
      }),
    });
  });

  it('names each competence missing for a validation, and the empty texts', () => {
    expect(missingForValidation({ ...base, constats: ' ' }, COMPETENCES)).toEqual({
      message:
        'Le bilan ne peut pas être validé : Compétence non positionnée : C03. Écrivez les constats ou les conseils. Rien n’a été enregistré.',
      champs: {
        'niveau:C03': 'Positionnez C03 (NE si elle n’a pas été évaluée).',
        constats: 'Écrivez les constats ou les conseils.',
      },
    });
    expect(
      missingForValidation({ ...base, niveaux: { C01: '+', C03: 'NE' } }, COMPETENCES),
    ).toBeNull();
  });

  it('reads If-Match as the API’s version', () => {
    const request = (value?: string) =>
      new Request('http://x/', value === undefined ? {} : { headers: { 'If-Match': value } });
    expect(ifMatchVersion(request())).toBeUndefined();
    expect(ifMatchVersion(request('"3"'))).toBe(3);
    expect(ifMatchVersion(request('W/"3"'))).toBeNull();
    expect(ifMatchVersion(request('*'))).toBeNull();
  });
});

describe.each(testDrivers())('writing bilans in the module ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  let db: Database;
  let pupil: string;
  let otherPupil: string;
  const sophie: Redacteur = { utilisateurId: DEMO_IDS.enseignant, libelle: 'Sophie LEFÈVRE' };
  const julien: Redacteur = { utilisateurId: DEMO_IDS.enseignant2, libelle: 'Julien LAMBERT' };
  const camille: Redacteur = { utilisateurId: DEMO_IDS.remplacant, libelle: 'Camille ROUX' };
  const ctx = (): UseCaseContext => ({
    db,
    etablissementId: DEMO_IDS.etablissement,
    acteur: { kind: 'script', libelle: 'test' },
  });
  const options = { today: TEST_TODAY };
  const full = (s: Partial<Saisie> = {}): Saisie => ({
    ...base,
    niveaux: Object.fromEntries(CIEL_CODES.map((c) => [c, '+'])),
    ...s,
  });

  /** Pupils of this year's 1re CIEL without any draft. */
  async function pupilsWithoutDraft(owner: Database): Promise<string[]> {
    return parseRows(
      await owner.execute(sql`
        select a.id from apprenants a
          join inscriptions i on i.apprenant_id = a.id and i.annee_scolaire = '2026-2027'
          join classes c on c.id = i.classe_id and c.nom = '1re CIEL'
         where a.etablissement_id = ${DEMO_IDS.etablissement} and i.sortie_le is null
           and not exists (select 1 from bilans b where b.apprenant_id = a.id and b.valide_le is null)
         order by a.nom, a.prenom`),
      z.object({ id: z.string() }),
    ).map((r) => r.id);
  }

  beforeAll(async () => {
    db = (await connection().asAppRole()).db;
    const free = await pupilsWithoutDraft(connection().db);
    pupil = free[0]!;
    otherPupil = free[1]!;
  });

  const drafts = async (apprenantId: string) =>
    db
      .select({ id: bilans.id })
      .from(bilans)
      .where(and(eq(bilans.apprenantId, apprenantId), isNull(bilans.valideLe)));

  it('lets only the team of the pupil’s current class write; another school’s pupil is not found', async () => {
    expect(
      await loadRedaction(db, DEMO_IDS.etablissement, camille.utilisateurId, pupil!, TEST_TODAY),
    ).toBe('interdit');
    expect(await saveDraft(ctx(), camille, pupil!, base, options)).toEqual({ kind: 'interdit' });
    expect(
      await loadRedaction(
        db,
        DEMO_IDS.etablissementVoisin,
        DEMO_IDS.enseignantVoisin,
        pupil!,
        TEST_TODAY,
      ),
    ).toBe('introuvable');
    expect(await drafts(pupil!)).toEqual([]);
  });

  it('saves a draft (incomplete is fine), traced with its author in the same transaction', async () => {
    const saved = await saveDraft(ctx(), sophie, pupil!, base, options);
    expect(saved).toMatchObject({ kind: 'enregistre', version: 1 });
    const draft = await currentDraft(db, pupil!);
    expect(draft).toMatchObject({ version: 1, modifiePar: 'Sophie LEFÈVRE' });
    expect(draft!.saisie.niveaux).toEqual({ C01: '+' });
    const trace = await db
      .select({
        utilisateurId: ecrituresAlimentation.utilisateurId,
        statut: ecrituresAlimentation.statut,
      })
      .from(ecrituresAlimentation)
      .where(eq(ecrituresAlimentation.source, draft!.source));
    expect(trace).toEqual([{ utilisateurId: DEMO_IDS.enseignant, statut: 'cree' }]);
  });

  it('a colleague continues it; a save over their newer version writes nothing and says who', async () => {
    const draft = (await currentDraft(db, pupil!))!;
    const mine = { ...draft.saisie, constats: 'Version de Sophie.' };
    const theirs = { ...draft.saisie, constats: 'Version de Julien.' };
    expect(await saveDraft(ctx(), julien, pupil!, theirs, options)).toMatchObject({
      kind: 'enregistre',
      version: 2,
    });
    const stale = await saveDraft(ctx(), sophie, pupil!, mine, options);
    expect(stale.kind).toBe('modifie');
    if (stale.kind !== 'modifie') return;
    expect(stale.message).toMatch(
      /^Ce brouillon a été modifié par Julien LAMBERT (à|le) .*\d\d:\d\d : rien n’a été enregistré/,
    );
    expect(stale.leur?.constats).toBe('Version de Julien.');
    expect(stale.version).toBe(2);
    expect((await currentDraft(db, pupil!))!.saisie.constats).toBe('Version de Julien.');
    // Told, she saves again over version 2: hers replaces his, knowingly.
    expect(await saveDraft(ctx(), sophie, pupil!, { ...mine, version: 2 }, options)).toMatchObject({
      kind: 'enregistre',
      version: 3,
    });
  });

  it('one draft per pupil: a second « new » draft is refused, naming the first', async () => {
    const second = await saveDraft(ctx(), julien, pupil!, base, options);
    expect(second.kind).toBe('modifie');
    expect(second.kind === 'modifie' && second.message).toMatch(
      /^Un brouillon a été commencé par Sophie LEFÈVRE/,
    );
    expect(await drafts(pupil!)).toHaveLength(1);
  });

  it('validation needs every competence and a text; then it is final, and the history says who', async () => {
    const draft = (await currentDraft(db, pupil!))!;
    const refused = await saveDraft(ctx(), julien, pupil!, draft.saisie, {
      ...options,
      valider: true,
    });
    expect(refused.kind === 'refus' && refused.message).toMatch(
      /Compétences non positionnées : C03, C04, C06/,
    );
    const complete = full({
      source: draft.source,
      version: draft.version,
      constats: 'Bilan complet.',
    });
    const saved = await saveDraft(ctx(), julien, pupil!, complete, { ...options, valider: true });
    expect(saved).toMatchObject({ kind: 'enregistre', version: 4 });
    const validated = await validateDraft(
      ctx(),
      julien,
      pupil!,
      { source: draft.source, version: 4 },
      options,
    );
    expect(validated.kind).toBe('valide');
    if (validated.kind !== 'valide') return;
    const [row] = await db
      .select({ valideLe: bilans.valideLe })
      .from(bilans)
      .where(eq(bilans.id, validated.bilanId));
    expect(row!.valideLe).toBeInstanceOf(Date);
    expect(await drafts(pupil!)).toEqual([]);
    const historique = await historiqueOf(db, DEMO_IDS.etablissement, validated.bilanId);
    expect(historique).toEqual({
      redacteurs: ['Sophie LEFÈVRE', 'Julien LAMBERT'],
      validePar: 'Julien LAMBERT',
    });
    expect(historiqueLine(historique, row!.valideLe)).toMatch(
      /^Rédigé par Sophie LEFÈVRE, Julien LAMBERT · validé par Julien LAMBERT le \d\d\/\d\d\/\d{4} à \d\d:\d\d$/,
    );
    // The archive is final: a save from the old form says so; the database refuses a change.
    const late = await saveDraft(ctx(), sophie, pupil!, { ...complete, version: 4 }, options);
    expect(late.kind === 'modifie' && late.message).toMatch(/Ce bilan a été validé/);
    await expect(
      db.update(bilans).set({ constats: 'changé' }).where(eq(bilans.id, validated.bilanId)),
    ).rejects.toThrow();
  });

  it('continues the write API’s draft; the API then needs If-Match to replace the teacher’s version', async () => {
    const ecrivain = { etablissementId: DEMO_IDS.etablissement, jetonId: null, libelle: 'api' };
    const body = (constats: string) => ({
      apprenant: { id: otherPupil },
      referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
      date: '2026-11-20',
      constats,
      conseils: '',
      positionnements: Object.fromEntries(CIEL_CODES.map((c) => [c, '-+'])),
      notes: [],
      valide: false,
    });
    expect(await writeBilan(db, ecrivain, 'tdb:redaction:1', body('API 1'))).toMatchObject({
      kind: 'ok',
      version: 1,
    });
    const draft = (await currentDraft(db, otherPupil!))!;
    expect(draft).toMatchObject({ source: 'tdb:redaction:1', version: 1, modifiePar: null });
    expect(
      await saveDraft(
        ctx(),
        sophie,
        otherPupil!,
        { ...draft.saisie, constats: 'Repris par Sophie.' },
        options,
      ),
    ).toMatchObject({ kind: 'enregistre', version: 2 });
    const refused = await writeBilan(db, ecrivain, 'tdb:redaction:1', body('API 2'));
    expect(refused).toMatchObject({
      kind: 'modifie',
      modification: { version: 2, par: 'Sophie LEFÈVRE' },
    });
    if (refused.kind === 'modifie') {
      expect(modifiedMessage(refused.modification)).toMatch(
        /^Ce brouillon a été modifié dans le module par Sophie LEFÈVRE le .* \(version 2\) : rien n’a été écrit/,
      );
    }
    expect((await currentDraft(db, otherPupil!))!.saisie.constats).toBe('Repris par Sophie.');
    expect(
      await writeBilan(db, ecrivain, 'tdb:redaction:1', body('API 2'), { version: 1 }),
    ).toMatchObject({ kind: 'modifie' });
    expect(
      await writeBilan(db, ecrivain, 'tdb:redaction:1', body('API 2'), { version: 2 }),
    ).toMatchObject({
      kind: 'ok',
      statut: 'remplace',
      version: 3,
    });
    expect((await currentDraft(db, otherPupil!))!.modifiePar).toBeNull();
  });

  it('continues a draft no source names (seeded), mapping it at the first save', async () => {
    const owner = connection().db;
    const [seeded] = parseRows(
      await owner.execute(sql`
        select b.apprenant_id from bilans b
          join inscriptions i on i.apprenant_id = b.apprenant_id and i.annee_scolaire = '2026-2027'
          join classes c on c.id = i.classe_id and c.nom in ('1re CIEL', 'Tle CIEL', '2de CIEL')
         where b.valide_le is null and i.sortie_le is null
           and not exists (select 1 from sources_bilans s where s.bilan_id = b.id)
         limit 1`),
      z.object({ apprenant_id: z.string() }),
    );
    if (!seeded) throw new Error('the demo has no unmapped draft of this year');
    const draft = (await currentDraft(db, seeded.apprenant_id))!;
    expect(draft).toMatchObject({ mappe: false, version: 0, source: `cpro:${draft.bilanId}` });
    const saved = await saveDraft(
      ctx(),
      sophie,
      seeded.apprenant_id,
      { ...draft.saisie, conseils: 'Repris.' },
      options,
    );
    expect(saved).toMatchObject({ kind: 'enregistre', version: 1 });
    expect(await drafts(seeded.apprenant_id)).toHaveLength(1);
  });

  it('ten saves of one version at once: one written, nine told; five new drafts at once: one', async () => {
    const [a, b] = (await pupilsWithoutDraft(connection().db)).slice(0, 2);
    const firsts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        saveDraft(ctx(), i % 2 ? julien : sophie, a!, { ...base, constats: `n° ${i}` }, options),
      ),
    );
    expect(firsts.filter((r) => r.kind === 'enregistre')).toHaveLength(1);
    expect(firsts.filter((r) => r.kind === 'modifie')).toHaveLength(4);
    expect(await drafts(a!)).toHaveLength(1);
    await saveDraft(ctx(), sophie, b!, base, options);
    const draft = (await currentDraft(db, b!))!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        saveDraft(
          ctx(),
          i % 2 ? julien : sophie,
          b!,
          { ...draft.saisie, constats: `essai ${i}` },
          options,
        ),
      ),
    );
    expect(results.filter((r) => r.kind === 'enregistre')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'modifie')).toHaveLength(9);
    const [mapping] = await db
      .select({ version: sourcesBilans.version })
      .from(sourcesBilans)
      .where(eq(sourcesBilans.source, draft.source));
    expect(mapping!.version).toBe(2);
    expect(await drafts(b!)).toHaveLength(1);
  });
});
