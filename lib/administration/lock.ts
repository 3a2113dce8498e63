// Administrative writes of one establishment happen one at a time: each transaction starts by
// locking the establishment's row, so that two imports, or two periods added at once, never
// interleave their reads and writes (both drivers; PGlite serialises anyway).
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { etablissements } from '@/lib/db/schema';

export async function lockEtablissement(tx: Database, etablissementId: string): Promise<void> {
  await tx
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(eq(etablissements.id, etablissementId))
    .for('update');
}
