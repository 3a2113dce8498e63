// What each view of the grid draws of a row, and the words shared by them: the row's state
// (« aucun », « brouillon 7/9 », « validé ») and where its save stands.
import { NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';
import type { ActionState } from '@/lib/actions/state';
import type { LigneInitiale, LigneSaisie } from './model';

export interface CompetenceColonne {
  code: string;
  libelle: string;
}

/** A pupil's row as the page gives it. */
export interface LigneProps extends LigneInitiale {
  nom: string;
  prenom: string;
  precedent: Record<string, Niveau>;
  texte: boolean;
}

export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface Row extends LigneProps {
  saisie: LigneSaisie;
}

export function symbole(niveau: string | undefined | null): string {
  return niveau ? (NIVEAU_INFOS[niveau as Niveau]?.symbole ?? niveau) : '';
}

/** « aucun », « brouillon 7/9 », « validé ». */
export function rowState(row: Row, total: number): string {
  if (row.saisie.etat === 'valide') return 'validé';
  const positioned = Object.keys(row.saisie.niveaux).length;
  if (row.saisie.etat === 'aucun' && positioned === 0) return 'aucun';
  return `brouillon ${positioned}/${total}`;
}

/** Where the row's save stands, in words (empty for a row never touched). */
export function saveState(row: Row): string {
  const s = row.saisie;
  switch (s.statut) {
    case 'envoi':
      return 'enregistrement…';
    case 'modifie':
      return 'modifié, pas encore enregistré';
    case 'erreur':
      return `non enregistré : ${s.erreur ?? ''}`;
    case 'conflit':
      return 'non enregistré : modifié par ailleurs';
    case 'propre':
      return s.enregistre ? `enregistré ${s.enregistre}` : '';
  }
}
