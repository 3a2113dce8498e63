// Probable duplicates of a teachers' CSV: a new e-mail under the name and first name of a
// teacher already in the establishment (another e-mail, not in the file) — most often a teacher
// whose address changed. The preview asks, per line, link to that account (which keeps its own
// e-mail, and is known by the file's from then on) or create one; the apply step reads the
// answers here and refuses while one is missing. Pure: no database.
import 'server-only';
import type { EnseignantLigne } from './fichier';
import { Refus } from '@/lib/common/refus';
import { compte as compter } from '@/lib/common/pluriel';

/** An existing account a new line may be. */
export interface CompteHomonyme {
  id: string;
  email: string;
  nom: string;
  prenom: string;
  actif: boolean;
}

/** A new e-mail under the name of a teacher already here: the administrator decides. */
export interface DoublonProbable {
  ligne: EnseignantLigne;
  comptes: CompteHomonyme[];
}

/** Per probable duplicate (by its line in the file): `creer`, or the account to link it to. */
export type DecisionsDoublons = ReadonlyMap<number, string>;

export const CREER = 'creer';

/** The form field of a duplicate's decision. */
export function doublonField(ligne: number): string {
  return `doublon-${ligne}`;
}

/**
 * The administrator's decision on each probable duplicate of the plan (computed again at apply
 * time): lines to create, lines linked to an account. Refused, naming each field, when one is
 * undecided or names an account that is no longer its namesake.
 */
export function decide(
  doublons: DoublonProbable[],
  decisions: DecisionsDoublons,
): { creer: EnseignantLigne[]; lier: { ligne: EnseignantLigne; compteId: string }[] } {
  const creer: EnseignantLigne[] = [];
  const lier: { ligne: EnseignantLigne; compteId: string }[] = [];
  const undecided: DoublonProbable[] = [];
  for (const d of doublons) {
    const choice = decisions.get(d.ligne.ligne);
    if (choice === CREER) creer.push(d.ligne);
    else if (choice && d.comptes.some((c) => c.id === choice))
      lier.push({ ligne: d.ligne, compteId: choice });
    else undecided.push(d);
  }
  if (undecided.length > 0) {
    throw new Refus(
      `${compter(undecided.length, 'doublon probable attend', 'doublons probables attendent')} votre choix (lier au compte existant ou créer un compte) : rien n’a été modifié.`,
      undefined,
      Object.fromEntries(
        undecided.map((d) => [
          doublonField(d.ligne.ligne),
          'Choisissez : lier au compte existant ou créer un nouveau compte.',
        ]),
      ),
    );
  }
  const byAccount = new Map<string, number>();
  for (const { ligne, compteId } of lier) {
    const other = byAccount.get(compteId);
    if (other !== undefined) {
      throw new Refus(
        `Les lignes ${other} et ${ligne.ligne} ne peuvent pas être liées au même compte : rien n’a été modifié.`,
        doublonField(ligne.ligne),
      );
    }
    byAccount.set(compteId, ligne.ligne);
  }
  return { creer, lier };
}
