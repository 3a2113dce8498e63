// The administration journal: every administrative action (who, when, what, counts), in an
// append-only table the database keeps so (drizzle/0011_administration.sql). Written in the
// transaction of the action it records: an action that did not happen is never journaled.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { journalAdministration, utilisateurs } from '@/lib/db/schema';

/** Who acted: an administrator's account, or a command-line script. */
export type Acteur =
  { kind: 'compte'; utilisateurId: string; libelle: string } | { kind: 'script'; libelle: string };

export type ActionAdministration =
  | 'import_siecle'
  | 'import_enseignants'
  | 'compte_cree'
  | 'compte_desactive'
  | 'compte_reactive'
  | 'identite_liee'
  | 'identite_deliee'
  | 'periode_creee'
  | 'periode_modifiee'
  | 'periode_supprimee'
  | 'jeton_pronote_cree'
  | 'jeton_pronote_revoque'
  | 'jeton_alimentation_cree'
  | 'jeton_alimentation_revoque';

export type Details = Record<string, string | number | boolean | null>;

export async function journalise(
  db: Database,
  etablissementId: string,
  acteur: Acteur,
  action: ActionAdministration,
  details: Details,
): Promise<void> {
  await db.insert(journalAdministration).values({
    etablissementId,
    utilisateurId: acteur.kind === 'compte' ? acteur.utilisateurId : null,
    auteur: acteur.libelle,
    action,
    details,
  });
}

export interface EntreeJournal {
  id: string;
  creeLe: Date;
  auteur: string;
  action: string;
  details: unknown;
}

/** The establishment's journal, newest first. */
export async function listJournal(
  db: Database,
  etablissementId: string,
  limit = 200,
): Promise<EntreeJournal[]> {
  return db
    .select({
      id: journalAdministration.id,
      creeLe: journalAdministration.creeLe,
      auteur: journalAdministration.auteur,
      action: journalAdministration.action,
      details: journalAdministration.details,
    })
    .from(journalAdministration)
    .leftJoin(utilisateurs, eq(utilisateurs.id, journalAdministration.utilisateurId))
    .where(eq(journalAdministration.etablissementId, etablissementId))
    .orderBy(desc(journalAdministration.creeLe), desc(journalAdministration.id))
    .limit(limit);
}
