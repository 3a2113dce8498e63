// Administrative writes of one establishment happen one at a time: each transaction starts by
// taking the establishment's advisory lock, so that two imports, or two periods added at once,
// never interleave their reads and writes (both drivers; PGlite serialises anyway). An advisory
// lock, not `SELECT … FOR UPDATE`: the application's role may not lock `etablissements` rows.
import 'server-only';
import type { Database } from '@/lib/db/types';
import { etablissementKey, lockKeys } from '@/lib/db/advisory-locks';

export async function lockEtablissement(tx: Database, etablissementId: string): Promise<void> {
  await lockKeys(tx, [etablissementKey(etablissementId)]);
}
