// A SIECLE import on both drivers: the preview writes nothing, apply writes the plan in one
// transaction (refused as a whole on any error), the same file twice changes nothing, an exit
// date takes a pupil out of the class's list and keeps their page, next year's file moves
// pupils with their identity and bilans, concurrent applies never create a pupil twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_UAI } from '@/drizzle/seed/demo-data';
import { stableId } from '@/drizzle/seed/random';
import { testDrivers } from '@/lib/db/testing';
import {
  apprenants,
  bilans,
  classes,
  etablissements,
  inscriptions,
  journalAdministration,
  utilisateurs,
  referentiels,
  referentielsDivisions,
} from '@/lib/db/schema';
import { listApprenants } from '@/lib/bilans/classes';
import type { Database } from '@/lib/db/types';
import { isRefus } from '@/lib/common/refus';
import type { Acteur } from '../journal';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { readSiecleUpload } from './read';
import { loadEtat } from './state';
import { blockingProblems, changesNothing, planImport, type ChoixReferentiels } from './plan';
import { applySiecle } from './apply';
import { dropPending, storePending } from '../en-attente';
import { siecleFile, type EleveDeTest } from './testing';

const UAI = '0999100A';
const SCRIPT: Acteur = { kind: 'script', libelle: 'test' };
const CIEL_MEF = '24725517310';

const RENTREE: EleveDeTest[] = [
  {
    eleveId: '501',
    ine: '111111111AA',
    nom: 'ŒUVRARD',
    prenom: 'Léa',
    mef: CIEL_MEF,
    division: '2CIEL1',
  },
  {
    eleveId: '502',
    ine: '222222222BB',
    nom: 'BŒUF',
    prenom: 'Hugo',
    mef: CIEL_MEF,
    division: '2CIEL1',
  },
  { eleveId: '503', ine: null, nom: 'SANS INE', prenom: 'Inès', mef: CIEL_MEF, division: '2CIEL1' },
  {
    eleveId: '504',
    ine: '444444444DD',
    nom: 'SÉCU',
    prenom: 'Noé',
    mef: '99999999999',
    division: 'SEC1',
  },
  {
    eleveId: '505',
    ine: '555555555EE',
    nom: 'PARTI',
    prenom: 'Tom',
    mef: CIEL_MEF,
    division: '2CIEL1',
    dateSortie: '05/09/2026',
  },
  {
    eleveId: '506',
    ine: '666666666FF',
    nom: 'SEUL',
    prenom: 'Sans division',
    mef: CIEL_MEF,
    division: null,
  },
];

describe.each(testDrivers())('SIECLE import ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  let etablissementId: string;
  let db: Database;
  let sn: string;

  const ctx = (): UseCaseContext => ({ db, etablissementId, acteur: SCRIPT });
  beforeAll(async () => {
    // As production runs it: on PostgreSQL, the least-privilege role of `npm run db:roles`.
    db = (await connection().asAppRole()).db;
    // A new establishment: written by CPRO's platform (the owner), never by the module.
    const [etab] = await connection()
      .db.insert(etablissements)
      .values({ uai: UAI, nom: 'Lycée des imports' })
      .returning({ id: etablissements.id });
    etablissementId = etab!.id;
    const [ref] = await db
      .select({ id: referentiels.id })
      .from(referentiels)
      .where(eq(referentiels.sigle, 'SN'));
    sn = ref!.id;
  });

  const read = (eleves: EleveDeTest[], annee = 2026) =>
    readSiecleUpload(siecleFile(UAI, annee, eleves), UAI);
  const preview = async (
    eleves: EleveDeTest[],
    annee = 2026,
    choix: ChoixReferentiels = new Map(),
  ) => {
    const fichier = await read(eleves, annee);
    return planImport(fichier, await loadEtat(db, etablissementId, fichier.anneeScolaire), choix);
  };
  const pupils = async () =>
    (
      await db
        .select({ n: count() })
        .from(apprenants)
        .where(eq(apprenants.etablissementId, etablissementId))
    )[0]!.n;
  const classeId = async (nom: string, annee = '2026-2027') =>
    (
      await db
        .select({ id: classes.id })
        .from(classes)
        .where(
          and(
            eq(classes.etablissementId, etablissementId),
            eq(classes.nom, nom),
            eq(classes.anneeScolaire, annee),
          ),
        )
    )[0]?.id;
  const names = async (nom: string, annee?: string) =>
    (await listApprenants(db, etablissementId, (await classeId(nom, annee))!)).map(
      (a) => `${a.nom} ${a.prenom}`,
    );

  it('previews without writing: divisions, MEF, counts, warnings and the choice to make', async () => {
    const plan = await preview(RENTREE);
    expect(
      plan.divisions.map((d) => [d.code, d.effectif, d.referentiel?.sigle ?? null, d.origine]),
    ).toEqual([
      ['2CIEL1', 3, 'CIEL', 'mef'],
      ['SEC1', 1, null, 'a-choisir'],
    ]);
    // French order: « Œ » sorts as « OE ».
    expect(plan.nouveaux.map((p) => p.nom)).toEqual([
      'BŒUF',
      'ŒUVRARD',
      'SANS INE',
      'SÉCU',
      'SEUL',
    ]);
    expect(plan.ignores).toBe(1); // left before we ever knew them
    expect(plan.avertissements.join(' ')).toMatch(
      /1 élève sans INE, reconnu par son identifiant SIECLE.*SANS INE Inès/,
    );
    expect(plan.avertissements.join(' ')).toMatch(/1 élève sans division.*SEUL Sans division/);
    expect(plan.erreurs).toEqual([]);
    expect(plan.aChoisir).toEqual(['SEC1']);
    expect(blockingProblems(plan)).toEqual([
      'Choisissez le référentiel de la division SEC1 (MEF inconnu).',
    ]);
    expect(await pupils()).toBe(0);
  });

  it('refuses to apply while a division has no referential, and writes nothing', async () => {
    const error = await applySiecle(ctx(), await read(RENTREE), new Map()).catch((e: unknown) => e);
    expect(isRefus(error) && error.message).toMatch(/rien n’a été modifié.*SEC1/);
    expect(await pupils()).toBe(0);
    expect(await classeId('2CIEL1')).toBeUndefined();
  });

  it('applies in one go, remembers the chosen referential, and journals the counts', async () => {
    const plan = await applySiecle(ctx(), await read(RENTREE), new Map([['SEC1', sn]]));
    expect(plan.nouveaux).toHaveLength(5);
    expect(await pupils()).toBe(5);
    expect(await names('2CIEL1')).toEqual(['BŒUF Hugo', 'ŒUVRARD Léa', 'SANS INE Inès']);
    expect(await names('SEC1')).toEqual(['SÉCU Noé']);
    const [choix] = await db
      .select()
      .from(referentielsDivisions)
      .where(eq(referentielsDivisions.etablissementId, etablissementId));
    expect(choix).toMatchObject({ codeDivision: 'SEC1', referentielId: sn });
    const journal = await db
      .select()
      .from(journalAdministration)
      .where(eq(journalAdministration.etablissementId, etablissementId));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      action: 'import_siecle',
      auteur: 'test',
      details: expect.objectContaining({ nouveaux: 5, classesCreees: 2 }),
    });
  });

  it('changes nothing when the same file is applied again; the choice is remembered', async () => {
    const again = await preview(RENTREE);
    expect(again.erreurs).toEqual([]);
    expect(again.divisions.find((d) => d.code === 'SEC1')?.origine).toBe('classe');
    expect(again.inchanges).toBe(5);
    expect(changesNothing(again)).toBe(true);
    await applySiecle(ctx(), await read(RENTREE), new Map());
    expect(await pupils()).toBe(5);
  });

  it('renames, moves within the year and closes the enrolment of a pupil who left', async () => {
    const toussaint = RENTREE.map((e) =>
      e.eleveId === '501'
        ? { ...e, nomUsage: 'MARTIN-ŒUVRARD' }
        : e.eleveId === '502'
          ? { ...e, division: '2CIEL2' }
          : e.eleveId === '503'
            ? { ...e, dateSortie: '20/11/2026' }
            : e,
    );
    const plan = await preview(toussaint);
    expect(plan.modifies.map((p) => [p.nom, p.avant])).toEqual([
      ['MARTIN-ŒUVRARD', 'ŒUVRARD Léa (111111111AA)'],
    ]);
    expect(plan.deplaces.map((p) => [p.nom, p.de, p.division])).toEqual([
      ['BŒUF', '2CIEL1 2026-2027', '2CIEL2'],
    ]);
    expect(plan.sortis.map((p) => [p.nom, p.dateSortie])).toEqual([['SANS INE', '2026-11-20']]);
    await applySiecle(ctx(), await read(toussaint), new Map());
    expect(await names('2CIEL1')).toEqual(['MARTIN-ŒUVRARD Léa']);
    expect(await names('2CIEL2')).toEqual(['BŒUF Hugo']);
    // The pupil who left is still here, enrolment closed, never deleted.
    const [left] = await db
      .select({ sortieLe: inscriptions.sortieLe })
      .from(inscriptions)
      .innerJoin(apprenants, eq(apprenants.id, inscriptions.apprenantId))
      .where(eq(apprenants.siecleEleveId, '503'));
    expect(left?.sortieLe).toBe('2026-11-20');
    expect(changesNothing(await preview(toussaint))).toBe(true);
  });

  it('moves pupils to next year’s classes with the same identity; an INE found later is added', async () => {
    const [before] = await db
      .select({ id: apprenants.id })
      .from(apprenants)
      .where(eq(apprenants.siecleEleveId, '502'));
    const rentree2027: EleveDeTest[] = [
      {
        eleveId: '501',
        ine: '111111111AA',
        nom: 'ŒUVRARD',
        nomUsage: 'MARTIN-ŒUVRARD',
        prenom: 'Léa',
        mef: CIEL_MEF,
        division: '1CIEL1',
      },
      {
        eleveId: '502',
        ine: '222222222BB',
        nom: 'BŒUF',
        prenom: 'Hugo',
        mef: CIEL_MEF,
        division: '1CIEL1',
      },
      {
        eleveId: '504',
        ine: '444444444DD',
        nom: 'SÉCU',
        prenom: 'Noé',
        mef: '99999999999',
        division: 'SEC1',
      },
      {
        eleveId: '506',
        ine: '666666666FF',
        nom: 'SEUL',
        prenom: 'Sans division',
        mef: CIEL_MEF,
        division: '1CIEL1',
      },
    ];
    const plan = await preview(rentree2027, 2027);
    expect(plan.anneeScolaire).toBe('2027-2028');
    // SEC1 of 2027-2028 does not exist yet: the referential chosen last year applies.
    expect(plan.divisions.map((d) => [d.code, d.origine, d.referentiel?.sigle])).toEqual([
      ['1CIEL1', 'mef', 'CIEL'],
      ['SEC1', 'choix', 'SN'],
    ]);
    expect(plan.deplaces.map((p) => [p.nom, p.de])).toEqual([
      ['BŒUF', '2CIEL2 2026-2027'],
      ['MARTIN-ŒUVRARD', '2CIEL1 2026-2027'],
      ['SÉCU', 'SEC1 2026-2027'],
      ['SEUL', null],
    ]);
    await applySiecle(ctx(), await read(rentree2027, 2027), new Map());
    expect(await names('1CIEL1', '2027-2028')).toEqual([
      'BŒUF Hugo',
      'MARTIN-ŒUVRARD Léa',
      'SEUL Sans division',
    ]);
    const [after] = await db
      .select({ id: apprenants.id })
      .from(apprenants)
      .where(eq(apprenants.siecleEleveId, '502'));
    expect(after?.id).toBe(before?.id);
    // Last year's class keeps its list.
    expect(await names('2CIEL2')).toEqual(['BŒUF Hugo']);
    expect(await pupils()).toBe(5);
  });

  it('lists an INE of one pupil with the ELEVE_ID of another as an error', async () => {
    const plan = await preview(
      [{ eleveId: '501', ine: '222222222BB', nom: 'X', prenom: 'Y', division: '1CIEL1' }],
      2027,
    );
    expect(plan.erreurs[0]).toMatch(
      /l’INE 222222222BB est celui de BŒUF Hugo, mais l’ELEVE_ID 501 celui de MARTIN-ŒUVRARD Léa/,
    );
  });

  it('recognises the demo’s pupils by their INE, and keeps their bilans', async () => {
    const demo = stableId('etablissement', DEMO_UAI);
    const [pupil] = await db
      .select({
        id: apprenants.id,
        nom: apprenants.nom,
        prenom: apprenants.prenom,
        ine: apprenants.ine,
        classe: classes.nom,
      })
      .from(apprenants)
      .innerJoin(inscriptions, eq(inscriptions.apprenantId, apprenants.id))
      .innerJoin(classes, eq(classes.id, inscriptions.classeId))
      .where(
        and(
          eq(apprenants.etablissementId, demo),
          eq(classes.anneeScolaire, '2026-2027'),
          sql`${apprenants.ine} is not null`,
        ),
      )
      .limit(1);
    const fichier = await readSiecleUpload(
      siecleFile(DEMO_UAI, 2026, [
        {
          eleveId: '9001',
          ine: pupil!.ine,
          nom: pupil!.nom,
          prenom: pupil!.prenom,
          division: pupil!.classe,
        },
      ]),
      DEMO_UAI,
    );
    const plan = planImport(fichier, await loadEtat(db, demo, '2026-2027'));
    expect(plan.inchanges).toBe(1);
    expect(plan.ecritures.miseAJour).toEqual([
      { id: pupil!.id, nom: pupil!.nom, prenom: pupil!.prenom, ine: pupil!.ine, eleveId: '9001' },
    ]);
    const bilansBefore = (
      await db.select({ n: count() }).from(bilans).where(eq(bilans.apprenantId, pupil!.id))
    )[0]!.n;
    await applySiecle({ db, etablissementId: demo, acteur: SCRIPT }, fichier, new Map());
    const bilansAfter = (
      await db.select({ n: count() }).from(bilans).where(eq(bilans.apprenantId, pupil!.id))
    )[0]!.n;
    expect(bilansAfter).toBe(bilansBefore);
  });

  it('never creates a pupil twice when the same file is applied twice at once', async () => {
    const eleves: EleveDeTest[] = Array.from({ length: 40 }, (_, i) => ({
      eleveId: `7${i}`,
      ine: `7777777${String(i).padStart(2, '0')}ZZ`,
      nom: `CONCURRENT${i}`,
      prenom: 'Test',
      mef: CIEL_MEF,
      division: '1CIEL2',
    }));
    const fichier = await read(eleves, 2027);
    const results = await Promise.allSettled([
      applySiecle(ctx(), fichier, new Map()),
      applySiecle(ctx(), fichier, new Map()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await names('1CIEL2', '2027-2028')).toHaveLength(40);
    expect(await pupils()).toBe(45);
  });

  it('applies one pending import once when « Appliquer » is posted twice at once', async () => {
    const fichier = await read(
      [{ eleveId: '8801', ine: '880000001ZZ', nom: 'DOUBLE', prenom: 'Clic', division: '1CIEL2' }],
      2027,
    );
    const [someone] = await db.select({ id: utilisateurs.id }).from(utilisateurs).limit(1);
    const pending = await storePending(db, etablissementId, someone!.id, 'siecle', fichier);
    const journal = async () =>
      (
        await db
          .select({ n: count() })
          .from(journalAdministration)
          .where(eq(journalAdministration.etablissementId, etablissementId))
      )[0]!.n;
    const before = await journal();
    const apply = () =>
      applySiecle(ctx(), fichier, new Map(), {
        after: (tx) => dropPending(tx, etablissementId, pending),
      });
    const results = await Promise.allSettled([apply(), apply()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(isRefus(refused.reason) && refused.reason.message).toMatch(/vient d’être appliqué/);
    expect(await journal()).toBe(before + 1);
  });
});
