// The accounts of the e2e suite. The demo's (drizzle/seed/demo-data.ts) are shared by many
// tests running in parallel: only read with them. A test that locks an account or ends its
// sessions owns an account of its own, created with the demo's password in the demo
// establishment before the server starts (scripts/e2e.ts: seedE2eAccounts).
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from '../drizzle/seed/demo-ids';
import { stableId } from '../drizzle/seed/random';
import { REFERENTIEL_CIEL } from '../drizzle/seed/referentiel-ciel';
import { periodsFor } from '../drizzle/seed/demo-data';
import {
  apprenants,
  classes,
  equipes,
  etablissements,
  inscriptions,
  periodes,
  utilisateurs,
} from '../lib/db/schema';
import { schoolYearOf, todayInParis } from '../lib/common/dates';
import type { Database } from '../lib/db/types';
import { hashPassword } from '../lib/auth/ways/password/password';

export const PASSWORD: string = DEMO_PASSWORD;
export const TEACHER: string = DEMO_ACCOUNTS.enseignant;
export const STAFF: string = DEMO_ACCOUNTS.vieScolaire;
export const OTHER_TEACHER: string = DEMO_ACCOUNTS.enseignantVoisin;
export const ADMIN: string = DEMO_ACCOUNTS.administrateur;

/**
 * An establishment the administration spec owns: it imports its pupils and teachers there,
 * so that the demo's classes stay as every other test reads them.
 */
export const IMPORT_ETABLISSEMENT = {
  uai: '0999099Z',
  nom: 'Lycée des essais d’import',
  administrateur: 'e2e-administration@lycee-import.test',
  enseignant: 'e2e-enseignant@lycee-import.test',
} as const;

/**
 * An establishment the class grid's key count owns (saisie-classe.spec.ts): a Tle CIEL of 30
 * pupils without any bilan, its one teacher in the team — a whole class typed from the
 * keyboard, which the demo's classes (shared with other specs) cannot offer.
 */
export const SAISIE_ETABLISSEMENT = {
  uai: '0999098Y',
  nom: 'Lycée des essais de saisie',
  enseignant: 'e2e-saisie@lycee-saisie.test',
  classe: 'Tle CIEL',
  apprenants: 30,
} as const;

export function saisieClasseId(today: string): string {
  return stableId(
    'classe',
    `${SAISIE_ETABLISSEMENT.uai}|${SAISIE_ETABLISSEMENT.classe}|${schoolYearOf(today)}`,
  );
}

/** Accounts a single test owns (it locks them, or ends all their sessions). */
export const OWN_ACCOUNTS = {
  /** throttling.spec.ts: locked by ten failures, then unlocked. */
  verrou: 'e2e-verrou@lycee-demo.test',
  /** throttling.spec.ts: locked, then tried on every sign-in path. */
  verrouChemins: 'e2e-verrou-chemins@lycee-demo.test',
  /** throttling.spec.ts: signs in once an address trying many accounts is unlocked. */
  verrouAdresse: 'e2e-verrou-adresse@lycee-demo.test',
  /** throttling.spec.ts: the victim of posts that could sign nobody in. */
  victime: 'e2e-victime@lycee-demo.test',
  /** sign-in-form.spec.ts: signs out of this browser, then of every device. */
  deconnexion: 'e2e-deconnexion@lycee-demo.test',
} as const;

/** SAISIE_ETABLISSEMENT: its terms of this school year, its class, pupils and teacher. */
async function seedSaisieEtablissement(db: Database, passwordHash: string, today: string) {
  const e = SAISIE_ETABLISSEMENT;
  const etablissementId = stableId('etablissement', e.uai);
  const year = schoolYearOf(today);
  await db
    .insert(etablissements)
    .values({ id: etablissementId, uai: e.uai, nom: e.nom })
    .onConflictDoNothing();
  await db
    .insert(periodes)
    .values(periodsFor(etablissementId, year, 'trimestres'))
    .onConflictDoNothing();
  const classeId = saisieClasseId(today);
  await db
    .insert(classes)
    .values({
      id: classeId,
      etablissementId,
      referentielId: stableId('referentiel', REFERENTIEL_CIEL.code),
      nom: e.classe,
      anneeScolaire: year,
    })
    .onConflictDoNothing();
  const pupils = Array.from({ length: e.apprenants }, (_, i) => ({
    id: stableId('apprenant', classeId, String(i)),
    etablissementId,
    nom: 'SAISIE',
    prenom: `Élève ${String(i + 1).padStart(2, '0')}`,
  }));
  await db.insert(apprenants).values(pupils).onConflictDoNothing();
  await db
    .insert(inscriptions)
    .values(pupils.map((p) => ({ apprenantId: p.id, classeId, anneeScolaire: year })))
    .onConflictDoNothing();
  const teacherId = stableId('utilisateur', e.enseignant);
  await db
    .insert(utilisateurs)
    .values({
      id: teacherId,
      etablissementId,
      role: 'enseignant' as const,
      email: e.enseignant,
      nom: 'ESSAI',
      prenom: 'Saisie',
      passwordHash,
    })
    .onConflictDoNothing();
  await db
    .insert(equipes)
    .values({ classeId, utilisateurId: teacherId, origine: 'administration' })
    .onConflictDoNothing();
}

/** Creates the accounts tests own (idempotent), teachers of the demo establishment. */
export async function seedE2eAccounts(db: Database, today = todayInParis()): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  const importId = stableId('etablissement', IMPORT_ETABLISSEMENT.uai);
  await db
    .insert(etablissements)
    .values({ id: importId, uai: IMPORT_ETABLISSEMENT.uai, nom: IMPORT_ETABLISSEMENT.nom })
    .onConflictDoNothing();
  await db
    .insert(utilisateurs)
    .values([
      {
        id: stableId('utilisateur', IMPORT_ETABLISSEMENT.administrateur),
        etablissementId: importId,
        role: 'administrateur' as const,
        email: IMPORT_ETABLISSEMENT.administrateur,
        nom: 'ESSAI',
        prenom: 'Administration',
        passwordHash,
      },
      {
        id: stableId('utilisateur', IMPORT_ETABLISSEMENT.enseignant),
        etablissementId: importId,
        role: 'enseignant' as const,
        email: IMPORT_ETABLISSEMENT.enseignant,
        nom: 'ESSAI',
        prenom: 'Professeur',
        passwordHash,
      },
    ])
    .onConflictDoNothing();
  await db
    .insert(utilisateurs)
    .values(
      Object.entries(OWN_ACCOUNTS).map(([name, email]) => ({
        id: stableId('utilisateur', email),
        etablissementId: DEMO_IDS.etablissement,
        role: 'enseignant' as const,
        email,
        nom: 'ESSAI',
        prenom: name,
        passwordHash,
      })),
    )
    .onConflictDoNothing();
  await seedSaisieEtablissement(db, passwordHash, today);
}
