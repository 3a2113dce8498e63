// The administration journal: every administrative action (who, when, what, counts), in an
// append-only table the database keeps so (drizzle/0011_administration.sql). Written in the
// transaction of the action it records: an action that did not happen is never journaled.
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { journalAdministration, utilisateurs } from '@/lib/db/schema';
import { inTransaction, utilisateurOf, type UseCaseContext } from '@/lib/use-cases/context';
import { lockEtablissement } from './lock';

export type { Acteur } from '@/lib/use-cases/context';

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
  | 'jeton_alimentation_revoque'
  | 'equipe_enseignant_ajoute'
  | 'equipe_enseignant_retire'
  | 'import_sts';

export type Details = Record<string, string | number | boolean | null>;

/** One line of the journal, in the context's transaction (that of the action it records). */
export async function journalise(
  context: UseCaseContext,
  action: ActionAdministration,
  details: Details,
): Promise<void> {
  await context.db.insert(journalAdministration).values({
    etablissementId: context.etablissementId,
    utilisateurId: utilisateurOf(context.acteur),
    auteur: context.acteur.libelle,
    action,
    details,
  });
}

/**
 * An administrative action: in one transaction, the establishment's administrative writes
 * taken in turn (its lock), the work, then its journal line. The work answers null when what
 * it acts on does not exist (null is returned), `details: null` when there was nothing to
 * change (no line); a refusal it throws leaves nothing written.
 */
export async function administer<T>(
  context: UseCaseContext,
  action: ActionAdministration,
  work: (tx: UseCaseContext) => Promise<{ result: T; details: Details | null } | null>,
): Promise<T | null> {
  return inTransaction(context, async (tx) => {
    await lockEtablissement(tx.db, tx.etablissementId);
    const done = await work(tx);
    if (!done) return null;
    if (done.details) await journalise(tx, action, done.details);
    return done.result;
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
