// The accounts of the e2e suite. The demo's (drizzle/seed/demo-data.ts) are shared by many
// tests running in parallel: only read with them. A test that locks an account or ends its
// sessions owns an account of its own, created with the demo's password in the demo
// establishment before the server starts (scripts/e2e.ts: seedE2eAccounts).
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from '../drizzle/seed/demo-ids';
import { stableId } from '../drizzle/seed/random';
import { etablissements, utilisateurs } from '../lib/db/schema';
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

/** Creates the accounts tests own (idempotent), teachers of the demo establishment. */
export async function seedE2eAccounts(db: Database): Promise<void> {
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
}
