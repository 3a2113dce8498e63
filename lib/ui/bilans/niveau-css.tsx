// The level colours as a stylesheet, written from NIVEAU_INFOS (the single source of truth)
// and included once per page, instead of an inline style on every cell.
import { NIVEAUX, NIVEAU_INFOS, type Niveau } from '@/lib/bilans/niveaux';

const SLUG: Record<Niveau, string> = {
  NE: 'ne',
  '-': 'moins',
  '-+': 'moins-plus',
  '+': 'plus',
  '++': 'plus-plus',
};

export function niveauClass(niveau: Niveau): string {
  return `niveau-${SLUG[niveau]}`;
}

const CSS = NIVEAUX.map(
  (n) =>
    `.${niveauClass(n)}{background-color:${NIVEAU_INFOS[n].fond};color:${NIVEAU_INFOS[n].texte}}`,
).join('');

export function NiveauStyles() {
  return <style>{CSS}</style>;
}
