// Class teams (équipes pédagogiques): which teachers teach a class in its school year. A
// teacher writes the bilans of the pupils of their classes' teams only (« Rédiger un bilan »,
// « Saisie des bilans »); every teacher of the establishment reads every bilan. The gate of
// every write checks it here, in the code that writes.
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { classes, equipes, inscriptions } from '@/lib/db/schema';
import { schoolYearOf } from '@/lib/common/dates';

/** Whether `utilisateurId` is in the team of class `classeId` (of `etablissementId`). */
export async function inTeam(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  classeId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ classeId: equipes.classeId })
    .from(equipes)
    .innerJoin(classes, eq(classes.id, equipes.classeId))
    .where(
      and(
        eq(equipes.classeId, classeId),
        eq(equipes.utilisateurId, utilisateurId),
        eq(classes.etablissementId, etablissementId),
      ),
    );
  return row !== undefined;
}

export interface CurrentClass {
  id: string;
  nom: string;
  anneeScolaire: string;
  referentielId: string;
}

/**
 * Whether the teacher writes this pupil's bilans: in the team of the pupil's current class.
 * Returns that class when so, null otherwise (no current class, or not in its team). One
 * query: it runs on every save.
 */
export async function writableClassOf(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  apprenantId: string,
  today: string,
): Promise<CurrentClass | null> {
  const [row] = await db
    .select({
      id: classes.id,
      nom: classes.nom,
      anneeScolaire: classes.anneeScolaire,
      referentielId: classes.referentielId,
    })
    .from(inscriptions)
    .innerJoin(classes, eq(classes.id, inscriptions.classeId))
    .innerJoin(
      equipes,
      and(eq(equipes.classeId, classes.id), eq(equipes.utilisateurId, utilisateurId)),
    )
    .where(
      and(
        eq(inscriptions.apprenantId, apprenantId),
        eq(inscriptions.anneeScolaire, schoolYearOf(today)),
        isNull(inscriptions.sortieLe),
        eq(classes.etablissementId, etablissementId),
      ),
    );
  return row ?? null;
}
