// A draft withdrawn through the one function the database allows it to (owner's rights,
// drizzle/0013_ecritures_sures.sql): the draft mapped under (establishment, source), with its
// mapping, notes and positionnements — never a bilan named by its id alone.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { RowsNotTouchedError } from '@/lib/db/touched';

/** Withdraws the draft under `source`; returns its id, or null when there was none. */
export async function retirerBrouillon(
  tx: Database,
  etablissementId: string,
  source: string,
): Promise<string | null> {
  const [row] = parseRows(
    await tx.execute(sql`select retirer_brouillon(${etablissementId}::uuid, ${source}) as id`),
    z.object({ id: z.string().nullable() }),
  );
  return row?.id ?? null;
}

/** Withdraws exactly this draft under `source`, or fails the transaction. */
export async function withdrawDraft(
  tx: Database,
  etablissementId: string,
  source: string,
  bilanId: string,
): Promise<void> {
  const withdrawn = await retirerBrouillon(tx, etablissementId, source);
  if (withdrawn !== bilanId) {
    throw new RowsNotTouchedError('Retrait du brouillon', 1, withdrawn === null ? 0 : 1);
  }
}
