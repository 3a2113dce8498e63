// Reads a signed-in account with its establishment: one indexed lookup by id, made on
// every request by session.ts (so a deactivated or revoked account stops at once).
import { eq } from 'drizzle-orm';
import { etablissements, utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';

export interface Account {
  id: string;
  nom: string;
  prenom: string;
  email: string;
  role: 'enseignant' | 'vie_scolaire' | 'direction';
  actif: boolean;
  sessionVersion: number;
  etablissement: { id: string; nom: string; uai: string };
}

export async function findAccount(db: Database, id: string): Promise<Account | null> {
  const [row] = await db
    .select({
      id: utilisateurs.id,
      nom: utilisateurs.nom,
      prenom: utilisateurs.prenom,
      email: utilisateurs.email,
      role: utilisateurs.role,
      actif: utilisateurs.actif,
      sessionVersion: utilisateurs.sessionVersion,
      etablissement: { id: etablissements.id, nom: etablissements.nom, uai: etablissements.uai },
    })
    .from(utilisateurs)
    .innerJoin(etablissements, eq(etablissements.id, utilisateurs.etablissementId))
    .where(eq(utilisateurs.id, id))
    .limit(1);
  return row ?? null;
}
