// The teachers' CSV and the accounts it makes, on both drivers: the encodings a spreadsheet
// saves, a preview that writes nothing, an apply that creates, renames, reactivates and links
// in one go or refuses as a whole; accounts of other establishments untouched and unnamed.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_ACCOUNTS } from '@/drizzle/seed/demo-data';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { testDrivers } from '@/lib/db/testing';
import { identitesExternes, journalAdministration, utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { isRefus } from '@/lib/common/refus';
import type { Acteur } from '../journal';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { parseEnseignantsCsv } from './csv';
import { applyEnseignants, planEnseignants } from './import';
import { CREER } from './doublons';
import { linkIdentite, listComptes, setCompteActif, unlinkIdentite } from './comptes';
import { encodeLatin9 } from '../siecle/testing';

const ACTEUR: Acteur = { kind: 'script', libelle: 'test' };
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isRefus(error)) return error.message;
    throw error;
  }
  throw new Error('aucun refus');
}

describe('parseEnseignantsCsv', () => {
  it('reads UTF-8 with a byte-order mark, Windows-1252, any column order and header case', () => {
    const text =
      'Courriel;NOM;Prénom;Identifiant ENT\r\nA.Dupre@Lycee.fr;DUPRÉ;Anaïs;adupre\r\nb@lycee.fr;BŒUF;Noël;\r\n';
    const expected = [
      {
        ligne: 2,
        nom: 'DUPRÉ',
        prenom: 'Anaïs',
        courriel: 'a.dupre@lycee.fr',
        identifiantEnt: 'adupre',
      },
      { ligne: 3, nom: 'BŒUF', prenom: 'Noël', courriel: 'b@lycee.fr', identifiantEnt: null },
    ];
    expect(
      parseEnseignantsCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'cas').lignes,
    ).toEqual(expected);
    // Windows-1252 has « Œ » at 0x8C, where ISO-8859-15 has it at 0xBC: write it by hand.
    const cp1252 = encodeLatin9(text.replace('Œ', 'O'));
    const parsed = parseEnseignantsCsv(cp1252, 'cas').lignes;
    expect(parsed[0]).toEqual(expected[0]);
  });

  it('lists bad lines as errors and refuses a file without the required columns', () => {
    const fichier = parseEnseignantsCsv(
      utf8('nom;prenom;courriel\nA;;a@x.fr\nB;b;pas-un-courriel\nC;c;c@x.fr\nD;d;C@X.FR\n'),
      'ent',
    );
    expect(fichier.lignes.map((l) => l.nom)).toEqual(['C']);
    expect(fichier.erreurs).toEqual([
      'Ligne 2 : nom ou prénom manquant.',
      'Ligne 3 : courriel « pas-un-courriel » invalide.',
      'Ligne 5 : le courriel c@x.fr figure déjà ligne 4.',
    ]);
    // What enters no column, names too long for one, an ENT identifier given twice: each
    // line named, never a 500 at « Appliquer ».
    const guarded = parseEnseignantsCsv(
      utf8(
        [
          'nom;prenom;courriel;identifiant_ent',
          'E\u0000;e;e@x.fr;',
          `${'F'.repeat(101)};f;f@x.fr;`,
          'G;g;g@x.fr;ent-g',
          'H;h;h@x.fr;ent-g',
        ].join('\n'),
      ),
      'ent',
    );
    expect(guarded.lignes.map((l) => l.nom)).toEqual(['G']);
    expect(guarded.erreurs).toEqual([
      'Ligne 2, colonne nom : Caractère nul (U+0000) interdit.',
      'Ligne 3 : nom ou prénom trop long (100 caractères au plus).',
      'Ligne 5 : l’identifiant ENT ent-g figure déjà ligne 4 (un identifiant, un compte).',
    ]);
    expect(
      refusal(() => parseEnseignantsCsv(utf8('nom,prenom,courriel\nA,a,a@x.fr'), 'ent')),
    ).toMatch(/Colonnes manquantes : nom, prenom, courriel/);
    expect(refusal(() => parseEnseignantsCsv(new Uint8Array(), 'ent'))).toMatch(/vide/);
    expect(
      refusal(() => parseEnseignantsCsv(utf8('nom;prenom;courriel\n"A;a;a@x.fr'), 'ent')),
    ).toMatch(/pas un CSV lisible/);
  });
});

describe('parseEnseignantsCsv, as spreadsheets save it', () => {
  it('ignores the empty rows a spreadsheet adds (« ;;;; »), and keeps each line’s number', () => {
    const fichier = parseEnseignantsCsv(
      utf8(
        'nom;prenom;courriel;identifiant_ent\r\nA;a;a@x.fr;\r\n;;;\r\nB;;b@x.fr;\r\n;;;\r\n;;;;\r\n',
      ),
      'ent',
    );
    expect(fichier.lignes.map((l) => [l.ligne, l.nom])).toEqual([[2, 'A']]);
    expect(fichier.erreurs).toEqual(['Ligne 4 : nom ou prénom manquant.']);
  });
});

describe.each(testDrivers())('teachers’ accounts ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  let db: Database;
  const etab = DEMO_IDS.etablissement;
  const ctx = (etablissementId = etab): UseCaseContext => ({ db, etablissementId, acteur: ACTEUR });
  beforeAll(async () => {
    // As production runs it: on PostgreSQL, the least-privilege role of `npm run db:roles`.
    db = (await connection().asAppRole()).db;
  });

  const csv = (lines: string[]) =>
    parseEnseignantsCsv(utf8(['nom;prenom;courriel;identifiant_ent', ...lines].join('\n')), 'cas');

  it('previews without writing; names nobody of another establishment', async () => {
    const fichier = csv([
      'LEFÈVRE;Sophie-Anne;enseignant@lycee-demo.test;',
      'DURAND;Marc;ancien-enseignant@lycee-demo.test;',
      'NOUVEAU;Paul;paul.nouveau@lycee-demo.test;paul.nouveau',
      'GARNIER;Thomas;enseignant@lycee-voisin.test;',
      'MOREAU;Patrick;vie-scolaire@lycee-demo.test;',
      'VOLEUR;Id;voleur@lycee-demo.test;sophie.lefevre',
    ]);
    const plan = await planEnseignants(db, etab, fichier);
    expect(plan.nouveaux.map((l) => l.courriel)).toEqual(['paul.nouveau@lycee-demo.test']);
    expect(plan.modifies.map((l) => [l.avant, l.prenom])).toEqual([
      ['LEFÈVRE Sophie', 'Sophie-Anne'],
    ]);
    expect(plan.reactives.map((l) => l.courriel)).toEqual([DEMO_ACCOUNTS.ancienEnseignant]);
    expect(plan.erreurs).toEqual([
      'Ligne 5 : le courriel enseignant@lycee-voisin.test est celui d’un compte d’un autre établissement.',
      'Ligne 6 : le courriel vie-scolaire@lycee-demo.test est celui d’un compte « vie scolaire », pas d’un enseignant.',
      'Ligne 7 : l’identifiant ENT « sophie.lefevre » est déjà lié à un autre compte.',
    ]);
    expect(plan.erreurs.join(' ')).not.toMatch(/Lycée professionnel voisin|GARNIER|Thomas/);
    // Refused as a whole while the file has errors.
    const error = await applyEnseignants(ctx(), fichier).catch((e: unknown) => e);
    expect(isRefus(error) && error.message).toMatch(/rien n’a été modifié/);
    const [paul] = await db
      .select()
      .from(utilisateurs)
      .where(eq(utilisateurs.email, 'paul.nouveau@lycee-demo.test'));
    expect(paul).toBeUndefined();
  });

  it('applies: creates, renames, reactivates and links, journaled; twice changes nothing', async () => {
    const fichier = csv([
      'LEFÈVRE;Sophie-Anne;enseignant@lycee-demo.test;',
      'DURAND;Marc;ancien-enseignant@lycee-demo.test;',
      'NOUVEAU;Paul;paul.nouveau@lycee-demo.test;paul.nouveau',
    ]);
    await applyEnseignants(ctx(), fichier);
    const comptes = await listComptes(db, etab);
    const paul = comptes.find((c) => c.email === 'paul.nouveau@lycee-demo.test');
    expect(paul).toMatchObject({
      role: 'enseignant',
      actif: true,
      motDePasse: false,
      identites: [{ fournisseur: 'cas', identifiant: 'paul.nouveau' }],
    });
    expect(comptes.find((c) => c.email === DEMO_ACCOUNTS.enseignant)?.prenom).toBe('Sophie-Anne');
    expect(comptes.find((c) => c.email === DEMO_ACCOUNTS.ancienEnseignant)?.actif).toBe(true);
    const again = await planEnseignants(db, etab, fichier);
    expect([again.nouveaux, again.modifies, again.reactives, again.identites].flat()).toEqual([]);
    expect(again.inchanges).toBe(3);
    const journal = await db
      .select()
      .from(journalAdministration)
      .where(
        and(
          eq(journalAdministration.etablissementId, etab),
          eq(journalAdministration.action, 'import_enseignants'),
        ),
      );
    expect(journal[0]?.details).toMatchObject({
      nouveaux: 1,
      modifies: 1,
      reactives: 1,
      identites: 1,
    });
  });

  it('deactivating revokes every session; only teachers of the establishment can be changed', async () => {
    const teacher = DEMO_IDS.enseignant;
    const [before] = await db
      .select({ v: utilisateurs.sessionVersion })
      .from(utilisateurs)
      .where(eq(utilisateurs.id, teacher));
    expect(await setCompteActif(ctx(), teacher, false)).toBe(true);
    const [after] = await db
      .select({ v: utilisateurs.sessionVersion, actif: utilisateurs.actif })
      .from(utilisateurs)
      .where(eq(utilisateurs.id, teacher));
    expect(after).toEqual({ v: before!.v + 1, actif: false });
    expect(await setCompteActif(ctx(), teacher, true)).toBe(true);
    // Another establishment's teacher, a staff account, a malformed id: nothing.
    expect(await setCompteActif(ctx(), DEMO_IDS.enseignantVoisin, false)).toBe(false);
    expect(await setCompteActif(ctx(DEMO_IDS.etablissementVoisin), teacher, false)).toBe(false);
    expect(await setCompteActif(ctx(), 'pas-un-id', false)).toBe(false);
    const [voisin] = await db
      .select({ actif: utilisateurs.actif })
      .from(utilisateurs)
      .where(eq(utilisateurs.id, DEMO_IDS.enseignantVoisin));
    expect(voisin?.actif).toBe(true);
  });

  it('links and unlinks ENT identities, never taking one from another account', async () => {
    const teacher = DEMO_IDS.enseignant;
    expect(await linkIdentite(ctx(), teacher, 'ent', 'sub-sophie')).toBe(true);
    const error = await linkIdentite(ctx(), teacher, 'cas', 'paul.nouveau').catch(
      (e: unknown) => e,
    );
    expect(isRefus(error) && error.message).toBe(
      'L’identifiant ENT « paul.nouveau » est déjà lié à un autre compte.',
    );
    expect(await unlinkIdentite(ctx(), teacher, 'ent')).toBe(true);
    const left = await db
      .select()
      .from(identitesExternes)
      .where(eq(identitesExternes.utilisateurId, teacher));
    expect(left.map((i) => [i.fournisseur, i.identifiant])).toEqual([['cas', 'sophie.lefevre']]);
  });

  it('a new e-mail under a teacher’s name waits for the administrator: linked (then known by it) or created, never silently', async () => {
    const fichier = csv([
      'Durand;Marc;marc.durand@nouveau.test;marc.durand',
      'LEFEVRE;sophie anne;s.lefevre@nouveau.test;',
    ]);
    const plan = await planEnseignants(db, etab, fichier);
    expect(plan.erreurs).toEqual([]);
    expect(plan.nouveaux).toEqual([]);
    expect(plan.doublons.map((d) => [d.ligne.ligne, d.comptes.map((c) => c.email)])).toEqual([
      [2, [DEMO_ACCOUNTS.ancienEnseignant]],
      [3, [DEMO_ACCOUNTS.enseignant]],
    ]);
    // Undecided: refused, each line's field named, nothing written.
    const undecided = await applyEnseignants(ctx(), fichier).catch((e: unknown) => e);
    expect(isRefus(undecided) && undecided.message).toBe(
      '2 doublons probables attendent votre choix (lier au compte existant ou créer un compte) : rien n’a été modifié.',
    );
    expect(isRefus(undecided) && Object.keys(undecided.autresChamps)).toEqual([
      'doublon-2',
      'doublon-3',
    ]);
    const durand = plan.doublons[0]!.comptes[0]!.id;
    const sophie = plan.doublons[1]!.comptes[0]!.id;
    // One account for two lines, or an account that is not the line's namesake: refused.
    for (const decisions of [
      new Map([
        [2, durand],
        [3, durand],
      ]),
      new Map([
        [2, sophie],
        [3, CREER],
      ]),
    ]) {
      const error = await applyEnseignants(ctx(), fichier, { decisions }).catch((e: unknown) => e);
      expect(isRefus(error)).toBe(true);
    }
    const untouched = await listComptes(db, etab);
    expect(untouched.map((c) => c.email)).not.toContain('marc.durand@nouveau.test');
    expect(untouched.map((c) => c.email)).not.toContain('s.lefevre@nouveau.test');
    // Decided: Marc's account is the line (its sign-in e-mail kept, the identity linked);
    // Sophie-Anne's namesake is a new account.
    await applyEnseignants(ctx(), fichier, {
      decisions: new Map([
        [2, durand],
        [3, CREER],
      ]),
    });
    const comptes = await listComptes(db, etab);
    const marc = comptes.find((c) => c.id === durand);
    expect(marc).toMatchObject({
      email: DEMO_ACCOUNTS.ancienEnseignant,
      nom: 'Durand',
      actif: true,
    });
    // The file's CAS identity beside the ENT one he already had.
    expect(marc?.identites).toContainEqual({ fournisseur: 'cas', identifiant: 'marc.durand' });
    expect(comptes.map((c) => c.email)).not.toContain('marc.durand@nouveau.test');
    expect(comptes.find((c) => c.id === sophie)?.email).toBe(DEMO_ACCOUNTS.enseignant);
    expect(comptes.filter((c) => c.email === 's.lefevre@nouveau.test')).toHaveLength(1);
    // The next import knows Marc by the new address: nothing to ask, nothing to change.
    const next = await planEnseignants(
      db,
      etab,
      csv(['Durand;Marc;marc.durand@nouveau.test;marc.durand']),
    );
    expect(next.doublons).toEqual([]);
    expect(next.nouveaux).toEqual([]);
    expect(next.inchanges).toBe(1);
    const [journal] = await db
      .select({ details: journalAdministration.details })
      .from(journalAdministration)
      .where(eq(journalAdministration.action, 'import_enseignants'))
      .orderBy(desc(journalAdministration.creeLe))
      .limit(1);
    expect(journal?.details).toMatchObject({ nouveaux: 1, doublonsLies: 1 });
    // Namesakes all listed in the file are as many people: no question asked.
    const homonymes = await planEnseignants(
      db,
      etab,
      csv([
        'LEFEVRE;Sophie-Anne;enseignant@lycee-demo.test;',
        'LEFEVRE;Sophie-Anne;s.lefevre@nouveau.test;',
        'LEFEVRE;Sophie-Anne;autre@nouveau.test;',
      ]),
    );
    expect(homonymes.doublons).toEqual([]);
    expect(homonymes.nouveaux.map((l) => l.courriel)).toEqual(['autre@nouveau.test']);
  });
});
