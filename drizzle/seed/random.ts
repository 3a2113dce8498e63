// Deterministic randomness and ids for the demo data: the same input always gives the
// same output, so seeding twice inserts the same rows (and ON CONFLICT keeps it a no-op).
import { createHash } from 'node:crypto';

/** A UUID derived from its parts (SHA-1, formatted like a version-5 UUID). */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u241f')).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32, seeded from a string. */
export function prng(seed: string): () => number {
  let state = parseInt(createHash('sha1').update(seed).digest('hex').slice(0, 8), 16) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick: liste vide');
  return item;
}

export function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
