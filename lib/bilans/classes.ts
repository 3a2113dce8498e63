// Classes of an establishment and their pupils, for the selection form. Every query
// takes the teacher's establishment: an id from another establishment finds nothing.
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { apprenants, classes, inscriptions } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { compareApprenants, compareClasses } from './tri';

export interface ClasseOption {
  id: string;
  nom: string;
  anneeScolaire: string;
}

export interface ApprenantOption {
  id: string;
  nom: string;
  prenom: string;
}

/** Most recent school year first, then by name. */
export async function listClasses(db: Database, etablissementId: string): Promise<ClasseOption[]> {
  const rows = await db
    .select({ id: classes.id, nom: classes.nom, anneeScolaire: classes.anneeScolaire })
    .from(classes)
    .where(eq(classes.etablissementId, etablissementId));
  return rows.sort(compareClasses);
}

/**
 * The pupils enrolled in a class, sorted « NOM Prénom »; empty when the class is not the
 * establishment's.
 */
export async function listApprenants(
  db: Database,
  etablissementId: string,
  classeId: string,
): Promise<ApprenantOption[]> {
  const rows = await db
    .select({ id: apprenants.id, nom: apprenants.nom, prenom: apprenants.prenom })
    .from(inscriptions)
    .innerJoin(apprenants, eq(apprenants.id, inscriptions.apprenantId))
    .where(
      and(
        eq(inscriptions.classeId, classeId),
        // A pupil who left (SIECLE's exit date) is no longer in the list (inscriptions.ts).
        isNull(inscriptions.sortieLe),
        eq(apprenants.etablissementId, etablissementId),
      ),
    );
  return rows.sort(compareApprenants);
}
