// Transaction-scoped advisory locks: how writes that must not interleave take turns, on both
// drivers and with the least-privilege role (`SELECT … FOR UPDATE` on a table needs an UPDATE
// right the application's role does not have on, say, `etablissements`). A lock is a text key
// in a namespace of ours; it is released when the transaction ends, whatever its outcome.
import { sql } from 'drizzle-orm';
import type { Database } from './types';
import { arrayLiteral } from './array-literal';

/**
 * What a key locks: one establishment's administrative writes, one bilan's source, or one
 * pupil's draft in the module (one draft per pupil: two teachers never start two at once).
 */
export type LockKey =
  `etablissement:${string}` | `source:${string}:${string}` | `apprenant:${string}`;

export function etablissementKey(etablissementId: string): LockKey {
  return `etablissement:${etablissementId}`;
}

export function sourceKey(etablissementId: string, source: string): LockKey {
  return `source:${etablissementId}:${source}`;
}

export function apprenantKey(apprenantId: string): LockKey {
  return `apprenant:${apprenantId}`;
}

/**
 * Takes every key's lock in one statement, in one order (sorted, without duplicates), so that
 * two transactions sharing keys never wait on each other in a cycle. Waits for holders.
 */
export async function lockKeys(tx: Database, keys: readonly LockKey[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(hashtextextended(k, 0))
      from unnest(${arrayLiteral(sorted)}::text[]) with ordinality as t(k, n)
     order by n`);
}
