// The five positioning levels: the single source of truth for their stored value, printed
// symbol, meaning, colours and radar value (docs/architecture.md). Every view takes them from here.

import { NIVEAUX, type Niveau } from '@/lib/db/enums';

export { NIVEAUX, type Niveau };

export interface NiveauInfo {
  code: Niveau;
  /** What is printed in the cell: typographic minus, readable without colour. */
  symbole: string;
  signification: string;
  couleur: string;
  /** Background and text colours; each pair meets WCAG AA contrast. */
  fond: string;
  texte: string;
  valeurRadar: number;
}

export const NIVEAU_INFOS: Record<Niveau, NiveauInfo> = {
  NE: {
    code: 'NE',
    symbole: 'NE',
    signification: 'Compétence non évaluée',
    couleur: 'bleu',
    // Blue 800: white on it is 8.7:1 (axe's enhanced contrast, 7:1; blue 700 was 6.7:1).
    fond: '#1e40af',
    texte: '#ffffff',
    valeurRadar: 0,
  },
  '-': {
    code: '-',
    symbole: '−',
    signification: 'Compétence non acquise',
    couleur: 'rouge',
    fond: '#b91c1c',
    texte: '#ffffff',
    valeurRadar: 1,
  },
  '-+': {
    code: '-+',
    symbole: '−+',
    signification: "Compétence en cours d'acquisition, non stabilisée",
    couleur: 'orange',
    fond: '#f97316',
    texte: '#000000',
    valeurRadar: 2,
  },
  '+': {
    code: '+',
    symbole: '+',
    signification: 'Compétence partiellement acquise',
    couleur: 'vert clair',
    fond: '#86efac',
    texte: '#000000',
    valeurRadar: 3,
  },
  '++': {
    code: '++',
    symbole: '++',
    signification: 'Compétence totalement acquise et transférable',
    couleur: 'vert foncé',
    fond: '#15803d',
    texte: '#ffffff',
    valeurRadar: 4,
  },
};

export function isNiveau(value: unknown): value is Niveau {
  return typeof value === 'string' && (NIVEAUX as readonly string[]).includes(value);
}

export type Evolution = 'hausse' | 'baisse' | 'stable' | 'aucune';

/**
 * How a trend is written: its symbol and its words (« depuis le bilan précédent » is added
 * where the page does not say it already). One table for the page, the synthesis and the CSV.
 */
export const EVOLUTION_INFOS: Record<Evolution, { symbole: string; texte: string }> = {
  hausse: { symbole: '↑', texte: 'en progrès' },
  baisse: { symbole: '↓', texte: 'en recul' },
  stable: { symbole: '=', texte: 'stable' },
  aucune: { symbole: '–', texte: 'pas de comparaison' },
};

/** How a competence moved between two bilans; NE (not evaluated) is no measure, so no trend. */
export function evolution(precedent: Niveau | null, actuel: Niveau | null): Evolution {
  if (!precedent || !actuel || precedent === 'NE' || actuel === 'NE') return 'aucune';
  const delta = NIVEAU_INFOS[actuel].valeurRadar - NIVEAU_INFOS[precedent].valeurRadar;
  if (delta > 0) return 'hausse';
  if (delta < 0) return 'baisse';
  return 'stable';
}
