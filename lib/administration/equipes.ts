// The classes' teams as the administrator manages them (/administration/classes): the year's
// classes with their teachers, a teacher added to or removed from a class's team — each action
// journaled in its transaction —, and the current classes nobody teaches (the home page warns).
import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { classes, equipes, inscriptions, utilisateurs } from '@/lib/db/schema';
import { isUuid } from '@/lib/common/ids';
import { Refus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from './journal';

export interface ClasseEquipe {
  id: string;
  nom: string;
  anneeScolaire: string;
  effectif: number;
  enseignants: { id: string; nom: string; prenom: string; origine: string }[];
}

/** The establishment's classes of `anneeScolaire`, each with its team, by name. */
export async function listEquipes(
  db: Database,
  etablissementId: string,
  anneeScolaire: string,
): Promise<ClasseEquipe[]> {
  const rows = await db
    .select({
      id: classes.id,
      nom: classes.nom,
      anneeScolaire: classes.anneeScolaire,
      effectif: sql<number>`(select count(*)::int from ${inscriptions} i
        where i.classe_id = ${classes.id} and i.sortie_le is null)`,
    })
    .from(classes)
    .where(
      and(eq(classes.etablissementId, etablissementId), eq(classes.anneeScolaire, anneeScolaire)),
    )
    .orderBy(asc(classes.nom));
  if (rows.length === 0) return [];
  const members = await db
    .select({
      classeId: equipes.classeId,
      id: utilisateurs.id,
      nom: utilisateurs.nom,
      prenom: utilisateurs.prenom,
      origine: equipes.origine,
    })
    .from(equipes)
    .innerJoin(utilisateurs, eq(utilisateurs.id, equipes.utilisateurId))
    .where(
      inArray(
        equipes.classeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(utilisateurs.nom), asc(utilisateurs.prenom));
  return rows.map((r) => ({
    ...r,
    enseignants: members
      .filter((m) => m.classeId === r.id)
      .map(({ id, nom, prenom, origine }) => ({ id, nom, prenom, origine })),
  }));
}

/** The names of this year's classes without any teacher in their team. */
export async function classesSansEquipe(
  db: Database,
  etablissementId: string,
  anneeScolaire: string,
): Promise<string[]> {
  const rows = await db
    .select({ nom: classes.nom, membres: count(equipes.utilisateurId) })
    .from(classes)
    .leftJoin(equipes, eq(equipes.classeId, classes.id))
    .where(
      and(eq(classes.etablissementId, etablissementId), eq(classes.anneeScolaire, anneeScolaire)),
    )
    .groupBy(classes.id, classes.nom)
    .orderBy(asc(classes.nom));
  return rows.filter((r) => r.membres === 0).map((r) => r.nom);
}

/** The class and the teacher, both of the establishment, or a refusal naming which is not. */
async function classeAndTeacher(
  db: Database,
  etablissementId: string,
  classeId: string,
  utilisateurId: string,
) {
  const [classe] = isUuid(classeId)
    ? await db
        .select({ id: classes.id, nom: classes.nom, anneeScolaire: classes.anneeScolaire })
        .from(classes)
        .where(and(eq(classes.id, classeId), eq(classes.etablissementId, etablissementId)))
    : [];
  if (!classe) return null;
  const [enseignant] = isUuid(utilisateurId)
    ? await db
        .select({ id: utilisateurs.id, email: utilisateurs.email, actif: utilisateurs.actif })
        .from(utilisateurs)
        .where(
          and(
            eq(utilisateurs.id, utilisateurId),
            eq(utilisateurs.etablissementId, etablissementId),
            eq(utilisateurs.role, 'enseignant'),
          ),
        )
    : [];
  if (!enseignant) throw new Refus('Choisissez un enseignant de l’établissement.', 'enseignant');
  return { classe, enseignant };
}

/** Adds a teacher to a class's team; null when the class does not exist here. */
export async function addToTeam(
  context: UseCaseContext,
  classeId: string,
  utilisateurId: string,
): Promise<boolean | null> {
  return administer(context, 'equipe_enseignant_ajoute', async ({ db, etablissementId }) => {
    const found = await classeAndTeacher(db, etablissementId, classeId, utilisateurId);
    if (!found) return null;
    if (!found.enseignant.actif) {
      throw new Refus('Ce compte est désactivé : réactivez-le d’abord.', 'enseignant');
    }
    const added = await db
      .insert(equipes)
      .values({ classeId, utilisateurId, origine: 'administration' })
      .onConflictDoNothing()
      .returning({ classeId: equipes.classeId });
    return {
      result: true,
      details:
        added.length > 0
          ? {
              classe: `${found.classe.nom} ${found.classe.anneeScolaire}`,
              compte: found.enseignant.email,
            }
          : null,
    };
  });
}

/** Removes a teacher from a class's team; null when the class does not exist here. */
export async function removeFromTeam(
  context: UseCaseContext,
  classeId: string,
  utilisateurId: string,
): Promise<boolean | null> {
  return administer(context, 'equipe_enseignant_retire', async ({ db, etablissementId }) => {
    const found = await classeAndTeacher(db, etablissementId, classeId, utilisateurId);
    if (!found) return null;
    const removed = await db
      .delete(equipes)
      .where(and(eq(equipes.classeId, classeId), eq(equipes.utilisateurId, utilisateurId)))
      .returning({ classeId: equipes.classeId });
    return {
      result: true,
      details:
        removed.length > 0
          ? {
              classe: `${found.classe.nom} ${found.classe.anneeScolaire}`,
              compte: found.enseignant.email,
            }
          : null,
    };
  });
}

/** The establishment's active teachers, for the « add to the team » choice. */
export async function listEnseignantsActifs(db: Database, etablissementId: string) {
  return db
    .select({ id: utilisateurs.id, nom: utilisateurs.nom, prenom: utilisateurs.prenom })
    .from(utilisateurs)
    .where(
      and(
        eq(utilisateurs.etablissementId, etablissementId),
        eq(utilisateurs.role, 'enseignant'),
        eq(utilisateurs.actif, true),
      ),
    )
    .orderBy(asc(utilisateurs.nom), asc(utilisateurs.prenom));
}
