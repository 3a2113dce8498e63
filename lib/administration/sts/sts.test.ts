// The STS-Web import: reading the export (its variants, its refusals), and on both drivers —
// as the application's least-privilege role on PostgreSQL — the plan (matching by STS id then
// by name, accents and case ignored; unmatched, ambiguous, unknown divisions listed, nothing
// created), apply in one transaction, the same file twice, members added by hand kept,
// members the file no longer names removed, two applies at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { testDrivers } from '@/lib/db/testing';
import {
  classes,
  equipes,
  etablissements,
  journalAdministration,
  referentiels,
  utilisateurs,
} from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { isRefus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { zipOf } from '../siecle/testing';
import { addToTeam } from '../equipes';
import { readStsUpload } from './read';
import { loadEtatEquipes } from './state';
import { changesNothing, planSts } from './plan';
import { applySts } from './apply';
import { stsFile, stsXml, type DivisionDeTest, type IndividuDeTest } from './testing';

const UAI = '0999200B';

const refusal = async (work: () => Promise<unknown>) => {
  const error = await work().catch((e: unknown) => e);
  return isRefus(error) ? error.message : `pas de refus : ${String(error)}`;
};

const INDIVIDUS: IndividuDeTest[] = [
  { id: '101', nom: 'LEFÈVRE', prenom: 'Sophie', profPrincipal: ['1CIEL'] },
  { id: '102', nom: 'Lambert', prenom: 'julien' },
  { id: '103', nom: 'INCONNU', prenom: 'Paul' },
  { id: '104', nom: 'PARTI', prenom: 'Luc', fonction: null },
  { id: '105', nom: 'DURAND', prenom: 'Anne', sansNomUsage: true },
  { id: '106', nom: 'PROVISEUR', prenom: 'Marc', fonction: 'DIR' },
];
const DIVISIONS: DivisionDeTest[] = [
  { code: '1CIEL', enseignants: ['102', '103'] },
  { code: 'TCIEL', enseignants: ['101', '104'] },
  { code: 'BTS1', enseignants: ['105'] },
];

describe('readStsUpload', () => {
  it('reads teams from services, groups and principal teachers; skips who has no function', async () => {
    const fichier = await readStsUpload(
      stsFile(UAI, 2026, INDIVIDUS, DIVISIONS, [
        { code: 'G1', divisions: ['TCIEL'], enseignants: ['105'] },
      ]),
      UAI,
    );
    expect(fichier.uaj).toBe(UAI);
    expect(fichier.anneeScolaire).toBe('2026-2027');
    // PARTI Luc has no FONCTION (on leave): not a teacher, his leftover service ignored.
    expect(fichier.individus.map((i) => `${i.nom} ${i.prenom} ${i.fonction}`)).toEqual([
      'DURAND Anne ENS',
      'INCONNU Paul ENS',
      'Lambert julien ENS',
      'LEFÈVRE Sophie ENS',
      'PROVISEUR Marc DIR',
    ]);
    expect(fichier.divisions).toEqual([
      { code: '1CIEL', enseignants: ['101', '102', '103'] }, // 101: principal teacher
      { code: 'BTS1', enseignants: ['105'] },
      { code: 'TCIEL', enseignants: ['101', '105'] }, // 105 through the group G1
    ]);
  });

  it('reads the same export in UTF-8 and zipped', async () => {
    const utf8 = strToU8(stsXml(UAI, 2026, INDIVIDUS, DIVISIONS, [], 'UTF-8'));
    const a = await readStsUpload(utf8, UAI);
    const b = await readStsUpload(zipOf({ 'sts_emp_0999200B_2026.xml': utf8 }), UAI);
    expect(a).toEqual(b);
    expect(a.individus.some((i) => i.nom === 'LEFÈVRE')).toBe(true);
  });

  it('refuses what is not this establishment’s STS-Web export, saying why', async () => {
    const good = stsXml(UAI, 2026, INDIVIDUS, DIVISIONS, [], 'UTF-8');
    const cases: [Uint8Array, RegExp][] = [
      [stsFile('0750001A', 2026, INDIVIDUS, DIVISIONS), /établissement 0750001A, pas du vôtre/],
      [
        strToU8('<?xml version="1.0"?><BEE_ELEVES/>'),
        /n’est pas un export STS-Web .*élément racine « BEE_ELEVES »/,
      ],
      [
        strToU8(good.replace('<STS_EDT>', '<!DOCTYPE STS_EDT [<!ENTITY x "x">]><STS_EDT>')),
        /DOCTYPE/,
      ],
      [strToU8(good.slice(0, -30)), /pas un XML bien formé/],
      [strToU8(good.replace(`<UAJ CODE="${UAI}"/>`, '')), /PARAMETRES\/UAJ/],
      [strToU8(good.replace('ANNEE="2026"', 'ANNEE="deux"')), /ANNEE_SCOLAIRE/],
      [strToU8('nom;prenom\nA;B'), /pas un fichier XML/],
      [new Uint8Array(), /vide/],
    ];
    for (const [bytes, message] of cases) {
      expect(await refusal(() => readStsUpload(bytes, UAI))).toMatch(message);
    }
  });

  it('refuses elements nested deeper than an export’s', async () => {
    const nested = `<STS_EDT>${'<A>'.repeat(40)}${'</A>'.repeat(40)}</STS_EDT>`;
    expect(await refusal(() => readStsUpload(strToU8(nested), UAI))).toMatch(/imbriqu/);
  });
});

describe.each(testDrivers())('STS-Web import ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  let db: Database;
  let etablissementId: string;
  const ids: Record<string, string> = {};
  const classeIds: Record<string, string> = {};
  const ctx = (): UseCaseContext => ({
    db,
    etablissementId,
    acteur: { kind: 'script', libelle: 'test' },
  });

  beforeAll(async () => {
    db = (await connection().asAppRole()).db;
    const owner = connection().db;
    const [etab] = await owner
      .insert(etablissements)
      .values({ uai: UAI, nom: 'Lycée des équipes' })
      .returning({ id: etablissements.id });
    etablissementId = etab!.id;
    const [ciel] = await owner
      .select({ id: referentiels.id })
      .from(referentiels)
      .where(eq(referentiels.sigle, 'CIEL'));
    for (const nom of ['1CIEL', 'TCIEL']) {
      const [c] = await owner
        .insert(classes)
        .values({ etablissementId, nom, anneeScolaire: '2026-2027', referentielId: ciel!.id })
        .returning({ id: classes.id });
      classeIds[nom] = c!.id;
    }
    const comptes: [string, string, string, boolean][] = [
      ['lefevre', 'Lefevre', 'SOPHIE', true], // no accent, other case: still her
      ['lambert', 'LAMBERT', 'Julien', true],
      ['martin1', 'MARTIN', 'Anne', true],
      ['martin2', 'MARTIN', 'Anne', true],
      ['durand', 'DURAND', 'Anne', false],
    ];
    for (const [key, nom, prenom, actif] of comptes) {
      const [u] = await owner
        .insert(utilisateurs)
        .values({
          etablissementId,
          email: `${key}@equipes.test`,
          nom,
          prenom,
          role: 'enseignant',
          actif,
        })
        .returning({ id: utilisateurs.id });
      ids[key] = u!.id;
    }
  });

  const read = (individus = INDIVIDUS, divisions = DIVISIONS) =>
    readStsUpload(stsFile(UAI, 2026, individus, divisions), UAI);
  const preview = async (individus = INDIVIDUS, divisions = DIVISIONS) => {
    const fichier = await read(individus, divisions);
    return planSts(fichier, await loadEtatEquipes(db, etablissementId, fichier.anneeScolaire));
  };
  const team = async (code: string) =>
    (
      await db
        .select({ email: utilisateurs.email, origine: equipes.origine })
        .from(equipes)
        .innerJoin(utilisateurs, eq(utilisateurs.id, equipes.utilisateurId))
        .where(eq(equipes.classeId, classeIds[code]!))
    )
      .map((m) => `${m.email.split('@')[0]}:${m.origine}`)
      .sort();

  it('previews without writing: matches by name, lists who and what it cannot place', async () => {
    const plan = await preview(
      [...INDIVIDUS, { id: '107', nom: 'MARTIN', prenom: 'Anne' }],
      [
        { code: '1CIEL', enseignants: ['102', '103'] },
        { code: 'TCIEL', enseignants: ['101', '104', '105', '107'] },
        { code: 'BTS1', enseignants: ['105'] },
      ],
    );
    expect(plan.divisions.map((d) => [d.code, d.ajoutes.map((p) => p.nom)])).toEqual([
      ['1CIEL', ['LAMBERT', 'Lefevre']],
      ['TCIEL', ['Lefevre']],
    ]);
    expect(plan.nonReconnus).toEqual([{ nom: 'INCONNU', prenom: 'Paul' }]);
    expect(plan.ambigus.join(' ')).toMatch(/MARTIN Anne : 2 comptes portent ce nom/);
    expect(plan.desactives).toEqual([{ nom: 'DURAND', prenom: 'Anne' }]);
    expect(plan.divisionsInconnues).toEqual(['BTS1']);
    expect(await team('1CIEL')).toEqual([]);
  });

  it('applies in one transaction, keeps the STS ids, journals; the same file twice changes nothing', async () => {
    const plan = await applySts(ctx(), await read());
    expect(plan.ecritures.ajouts).toHaveLength(3);
    expect(await team('1CIEL')).toEqual(['lambert:sts', 'lefevre:sts']);
    expect(await team('TCIEL')).toEqual(['lefevre:sts']);
    const [lefevre] = await db
      .select({ sts: utilisateurs.stsIndividuId })
      .from(utilisateurs)
      .where(eq(utilisateurs.id, ids.lefevre!));
    expect(lefevre!.sts).toBe('101');
    const journal = await db
      .select({ action: journalAdministration.action, details: journalAdministration.details })
      .from(journalAdministration)
      .where(eq(journalAdministration.etablissementId, etablissementId));
    expect(journal).toEqual([
      {
        action: 'import_sts',
        details: expect.objectContaining({ ajouts: 3, retraits: 0, comptesRattaches: 3 }),
      },
    ]);

    const again = await preview();
    expect(changesNothing(again)).toBe(true);
    await applySts(ctx(), await read());
    expect(
      await db
        .select({ id: journalAdministration.id })
        .from(journalAdministration)
        .where(eq(journalAdministration.etablissementId, etablissementId)),
    ).toHaveLength(1);
  });

  it('matches by STS id once known, whatever the name becomes', async () => {
    const renamed = INDIVIDUS.map((i) => (i.id === '101' ? { ...i, nom: 'NOUVEAU-NOM' } : i));
    expect(changesNothing(await preview(renamed))).toBe(true);
  });

  it('keeps members added by hand; removes those the file added and no longer names', async () => {
    await addToTeam(ctx(), classeIds.TCIEL!, ids.martin1!);
    // Next file: LAMBERT no longer teaches in 1CIEL; LEFÈVRE is no longer its principal teacher.
    const divisions: DivisionDeTest[] = [
      { code: '1CIEL', enseignants: ['103'] },
      { code: 'TCIEL', enseignants: ['101'] },
    ];
    const individus = INDIVIDUS.map((i) => ({ ...i, profPrincipal: [] }));
    const plan = await preview(individus, divisions);
    expect(
      plan.divisions
        .find((d) => d.code === '1CIEL')!
        .retires.map((p) => p.nom)
        .sort(),
    ).toEqual(['LAMBERT', 'Lefevre']);
    await applySts(ctx(), await read(individus, divisions));
    expect(await team('1CIEL')).toEqual([]);
    expect(await team('TCIEL')).toEqual(['lefevre:sts', 'martin1:administration']);
  });

  it('refuses a member of another establishment, whoever writes the team', async () => {
    const [voisin] = await db
      .select({ id: utilisateurs.id })
      .from(utilisateurs)
      .where(
        and(
          eq(utilisateurs.role, 'enseignant'),
          eq(utilisateurs.email, 'enseignant@lycee-voisin.test'),
        ),
      );
    const error = await db
      .insert(equipes)
      .values({ classeId: classeIds.TCIEL!, utilisateurId: voisin!.id, origine: 'administration' })
      .catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(
      /une équipe ne compte que des enseignants de l'établissement de la classe/,
    );
    expect(await refusal(() => addToTeam(ctx(), classeIds.TCIEL!, voisin!.id))).toMatch(
      /Choisissez un enseignant de l’établissement/,
    );
  });

  it('two applies of one file at once write each member once and one journal line', async () => {
    const divisions: DivisionDeTest[] = [{ code: '1CIEL', enseignants: ['101', '102'] }];
    const fichier = await read(INDIVIDUS, divisions);
    const before = await db
      .select({ id: journalAdministration.id })
      .from(journalAdministration)
      .where(eq(journalAdministration.etablissementId, etablissementId));
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const run = await connection().asAppRole();
        return applySts({ ...ctx(), db: run.db }, fichier);
      }),
    );
    expect(await team('1CIEL')).toEqual(['lambert:sts', 'lefevre:sts']);
    const after = await db
      .select({ id: journalAdministration.id })
      .from(journalAdministration)
      .where(eq(journalAdministration.etablissementId, etablissementId));
    expect(after.length - before.length).toBe(1);
  });
});
