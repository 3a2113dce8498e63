// The grid's state in the browser, as pure functions (unit-tested without a browser): each
// row's levels as typed, the draft they were read from (source, version, levels), and where
// its save stands. What is typed but not yet saved is kept in the browser (localStorage) until
// the server has it, and put back after a reload — unless the draft moved on meanwhile, then
// the row is shown in conflict, both values side by side, nothing overwritten.
import type { Niveau } from '@/lib/bilans/niveaux';
import { levelsKey } from './fields';

/** Where a row's save stands. */
export type Statut = 'propre' | 'modifie' | 'envoi' | 'erreur' | 'conflit';

export interface LigneInitiale {
  id: string;
  etat: 'aucun' | 'brouillon' | 'valide';
  source: string;
  version: number;
  niveaux: Record<string, Niveau>;
}

export interface LigneSaisie {
  etat: 'aucun' | 'brouillon' | 'valide';
  niveaux: Record<string, Niveau>;
  base: { source: string; version: number; niveaux: Record<string, Niveau> };
  statut: Statut;
  /** « à 14:03 » after a save. */
  enregistre?: string;
  /** Why the row is not saved (« non enregistré : … »). */
  erreur?: string;
  /** Someone else's version (a colleague's, or the server's newer draft). */
  leur?: {
    message: string;
    source: string;
    version: number;
    niveaux: Record<string, string> | null;
  };
}

export type Lignes = Record<string, LigneSaisie>;

/** What the browser keeps of a row not yet saved. */
export interface Gardee {
  source: string;
  version: number;
  niveaux: Record<string, Niveau>;
}

export function initialLines(lignes: LigneInitiale[]): Lignes {
  return Object.fromEntries(
    lignes.map((l) => [
      l.id,
      {
        etat: l.etat,
        niveaux: l.niveaux,
        base: { source: l.source, version: l.version, niveaux: l.niveaux },
        statut: 'propre' as Statut,
      },
    ]),
  );
}

export function isDirty(l: LigneSaisie): boolean {
  return levelsKey(l.niveaux) !== levelsKey(l.base.niveaux);
}

/** Rows the server does not have yet (typed, being sent, refused, in conflict). */
export function unsaved(l: LigneSaisie): boolean {
  return l.statut !== 'propre' || isDirty(l);
}

/** A level typed (or cleared: null) in a row. */
export function setLevel(l: LigneSaisie, code: string, niveau: Niveau | null): LigneSaisie {
  const niveaux = { ...l.niveaux };
  if (niveau === null) delete niveaux[code];
  else niveaux[code] = niveau;
  const statut = l.statut === 'conflit' || l.statut === 'envoi' ? l.statut : 'modifie';
  return { ...l, niveaux, statut };
}

/**
 * The row as the server last acknowledged it: a save answered but not yet drawn (the grid
 * re-renders after the answer) must not send the version it replaced — the server would call
 * our own write « modifié par ailleurs ». `acked`: the last answer's source, version and levels.
 */
export function withAcknowledged(
  l: LigneSaisie,
  acked: LigneSaisie['base'] | undefined,
): LigneSaisie {
  return acked && acked.version > l.base.version ? { ...l, base: acked } : l;
}

/** The body of a row's save: every competence of the grid, null where cleared. */
export function rowBody(id: string, l: LigneSaisie, codes: string[]) {
  return {
    apprenantId: id,
    source: l.base.source,
    version: l.base.version,
    niveaux: Object.fromEntries(codes.map((c) => [c, l.niveaux[c] ?? null])),
  };
}

export type Reponse =
  | { resultat: 'enregistre'; source: string; version: number; quand: string }
  | {
      resultat: 'modifie';
      message: string;
      source: string;
      version: number;
      leur: Record<string, string> | null;
    }
  | { resultat: 'refus'; message: string }
  | { resultat: 'echec'; message: string };

/** The row once the server answered the save of `sent` (the levels as they were sent). */
export function afterSave(
  l: LigneSaisie,
  sent: Record<string, Niveau>,
  reponse: Reponse,
): LigneSaisie {
  switch (reponse.resultat) {
    case 'enregistre': {
      const base = { source: reponse.source, version: reponse.version, niveaux: sent };
      const next: LigneSaisie = {
        ...l,
        base,
        etat: reponse.source ? 'brouillon' : l.etat,
        enregistre: reponse.quand,
        erreur: undefined,
        leur: undefined,
        statut: 'propre',
      };
      // Typed meanwhile: still to save.
      return isDirty(next) ? { ...next, statut: 'modifie' } : next;
    }
    case 'modifie':
      return {
        ...l,
        statut: 'conflit',
        leur: {
          message: reponse.message,
          source: reponse.source,
          version: reponse.version,
          niveaux: reponse.leur,
        },
      };
    case 'refus':
    case 'echec':
      return { ...l, statut: 'erreur', erreur: reponse.message };
  }
}

/** « Garder les miens »: saved over their version, knowingly. */
export function keepMine(l: LigneSaisie): LigneSaisie {
  if (!l.leur) return l;
  return {
    ...l,
    base: { ...l.base, source: l.leur.source, version: l.leur.version },
    leur: undefined,
    statut: 'modifie',
  };
}

/** « Prendre les siens »: their version, what was typed dropped. */
export function takeTheirs(l: LigneSaisie): LigneSaisie {
  if (!l.leur) return l;
  const niveaux = (l.leur.niveaux ?? {}) as Record<string, Niveau>;
  return {
    ...l,
    etat: l.leur.source ? 'brouillon' : 'aucun',
    niveaux,
    base: { source: l.leur.source, version: l.leur.version, niveaux },
    leur: undefined,
    erreur: undefined,
    statut: 'propre',
  };
}

/** What to keep in the browser: the rows the server does not have. */
export function toKeep(lignes: Lignes): Record<string, Gardee> {
  const kept: Record<string, Gardee> = {};
  for (const [id, l] of Object.entries(lignes)) {
    if (l.etat === 'valide' || !unsaved(l)) continue;
    kept[id] = { source: l.base.source, version: l.base.version, niveaux: l.niveaux };
  }
  return kept;
}

/**
 * Rows kept in the browser put back over the server's: typed again (to save) where the draft is
 * still the one they were typed over, in conflict where it moved on — never lost, never
 * written over someone else's.
 */
export function restore(lignes: Lignes, kept: Record<string, Gardee>): Lignes {
  const next = { ...lignes };
  for (const [id, g] of Object.entries(kept)) {
    const l = next[id];
    if (!l || l.etat === 'valide') continue;
    if (levelsKey(g.niveaux) === levelsKey(l.base.niveaux)) continue;
    if (g.source === l.base.source && g.version === l.base.version) {
      next[id] = { ...l, niveaux: g.niveaux, statut: 'modifie' };
    } else {
      next[id] = {
        ...l,
        niveaux: g.niveaux,
        statut: 'conflit',
        leur: {
          message:
            'Ce brouillon a été modifié depuis votre saisie non enregistrée : vos niveaux et les siens sont affichés.',
          source: l.base.source,
          version: l.base.version,
          niveaux: l.base.niveaux,
        },
      };
    }
  }
  return next;
}

/**
 * The server's rows (a refresh after a save or a validation) merged into the browser's: a row
 * with nothing pending takes the server's; the others stay as typed.
 */
export function mergeServer(lignes: Lignes, server: LigneInitiale[]): Lignes {
  const fresh = initialLines(server);
  const next: Lignes = {};
  for (const [id, s] of Object.entries(fresh)) {
    const l = lignes[id];
    if (!l || (!unsaved(l) && l.statut === 'propre'))
      next[id] = l?.enregistre ? { ...s, enregistre: l.enregistre } : s;
    else next[id] = l;
  }
  return next;
}

/** Digits and letters typed in a cell: `0`/`N` NE, `1` -, `2` -+, `3` +, `4` ++. */
export function levelOfKey(key: string): Niveau | null {
  switch (key) {
    case '0':
    case 'n':
    case 'N':
      return 'NE';
    case '1':
      return '-';
    case '2':
      return '-+';
    case '3':
      return '+';
    case '4':
      return '++';
    default:
      return null;
  }
}
