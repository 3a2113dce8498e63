// The establishment's data an STS-Web import is compared with: its teachers (with the STS id
// kept from an earlier import), the classes of the file's year and their teams. Three indexed
// reads, whatever the file's size.
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { classes, equipes, utilisateurs } from '@/lib/db/schema';
import type { EtatEquipes } from './plan';

export async function loadEtatEquipes(
  db: Database,
  etablissementId: string,
  anneeScolaire: string,
): Promise<EtatEquipes> {
  // One after another: inside apply's transaction they share one connection.
  const enseignants = await db
    .select({
      id: utilisateurs.id,
      nom: utilisateurs.nom,
      prenom: utilisateurs.prenom,
      actif: utilisateurs.actif,
      stsIndividuId: utilisateurs.stsIndividuId,
    })
    .from(utilisateurs)
    .where(
      and(eq(utilisateurs.etablissementId, etablissementId), eq(utilisateurs.role, 'enseignant')),
    );
  const classesAnnee = await db
    .select({ id: classes.id, nom: classes.nom })
    .from(classes)
    .where(
      and(eq(classes.etablissementId, etablissementId), eq(classes.anneeScolaire, anneeScolaire)),
    );
  const membres =
    classesAnnee.length === 0
      ? []
      : await db
          .select({
            classeId: equipes.classeId,
            utilisateurId: equipes.utilisateurId,
            origine: equipes.origine,
          })
          .from(equipes)
          .where(
            inArray(
              equipes.classeId,
              classesAnnee.map((c) => c.id),
            ),
          );
  return {
    enseignants,
    classes: classesAnnee,
    membres: membres.map((m) => ({
      ...m,
      origine: m.origine === 'sts' ? ('sts' as const) : ('administration' as const),
    })),
  };
}
