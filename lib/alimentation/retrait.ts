// A draft withdrawn through the one function the database allows it to (owner's rights,
// drizzle/0012_alimentation.sql): its notes, its positionnements, then the bilan.
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';

export async function retirerBrouillon(tx: Database, bilanId: string): Promise<void> {
  await tx.execute(sql`select retirer_brouillon(${bilanId}::uuid)`);
}
