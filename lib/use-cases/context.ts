// What every use case of the administration and of the writes is given (openstatus's service
// context): the database (or the transaction it runs in), the establishment it acts for — never
// another's —, and who acts. One argument instead of positional `db, etablissementId, …` lists;
// `inTransaction` gives the same context on a transaction, so that the journal line or the
// write trace of an action is written in the transaction of the action itself: an action that
// did not happen is never recorded, one that happened always is.
import type { Database } from '@/lib/db/types';

/** Who acts: an account (an administrator, a teacher), a token of the write API, a script. */
export type Acteur =
  | { kind: 'compte'; utilisateurId: string; libelle: string }
  | { kind: 'jeton'; jetonId: string; libelle: string }
  | { kind: 'script'; libelle: string };

export interface UseCaseContext {
  db: Database;
  etablissementId: string;
  acteur: Acteur;
}

/** `work` in one transaction, given the same context on it. */
export function inTransaction<T>(
  context: UseCaseContext,
  work: (tx: UseCaseContext) => Promise<T>,
): Promise<T> {
  return context.db.transaction((tx) => work({ ...context, db: tx }));
}

/** The account behind an actor, when it is one (the journal's `utilisateur_id`). */
export function utilisateurOf(acteur: Acteur): string | null {
  return acteur.kind === 'compte' ? acteur.utilisateurId : null;
}
