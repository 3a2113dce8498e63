// Uploads read and previewed, waiting for « Appliquer » (table imports_en_attente): what the
// file says, checked again with its schema when read back, never the file itself. One per
// establishment and nature (a new upload replaces the previous one); an hour to confirm;
// removed in the transaction that applies it.
import 'server-only';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { importsEnAttente } from '@/lib/db/schema';
import { isUuid } from '@/lib/common/ids';
import { Refus } from '@/lib/common/refus';

export type NatureImport = 'siecle' | 'enseignants' | 'sts';

const LIFETIME_MS = 60 * 60 * 1000;

export async function storePending(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  nature: NatureImport,
  contenu: unknown,
  now = new Date(),
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx
      .delete(importsEnAttente)
      .where(
        and(
          eq(importsEnAttente.etablissementId, etablissementId),
          eq(importsEnAttente.nature, nature),
        ),
      );
    await tx.delete(importsEnAttente).where(lt(importsEnAttente.expireLe, now));
    const [row] = await tx
      .insert(importsEnAttente)
      .values({
        etablissementId,
        utilisateurId,
        nature,
        contenu,
        expireLe: new Date(now.getTime() + LIFETIME_MS),
      })
      .returning({ id: importsEnAttente.id });
    return row!.id;
  });
}

/** The pending import `id` of this establishment and nature, still valid, or null. */
export async function loadPending<S extends z.ZodType>(
  db: Database,
  etablissementId: string,
  nature: NatureImport,
  id: string,
  schema: S,
  now = new Date(),
): Promise<{ contenu: z.output<S>; creeLe: Date } | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ contenu: importsEnAttente.contenu, creeLe: importsEnAttente.creeLe })
    .from(importsEnAttente)
    .where(
      and(
        eq(importsEnAttente.id, id),
        eq(importsEnAttente.etablissementId, etablissementId),
        eq(importsEnAttente.nature, nature),
        gt(importsEnAttente.expireLe, now),
      ),
    );
  if (!row) return null;
  const parsed = schema.safeParse(row.contenu);
  return parsed.success ? { contenu: parsed.data, creeLe: row.creeLe } : null;
}

/**
 * Removes the pending import in the transaction that applies it. Its row must still be there:
 * a second « Appliquer » posted at the same time waited for the first (the establishment's
 * lock) and finds it gone — refused, so the import is applied and journaled once.
 */
export async function dropPending(
  db: Database,
  etablissementId: string,
  id: string,
): Promise<void> {
  const dropped = await db
    .delete(importsEnAttente)
    .where(and(eq(importsEnAttente.id, id), eq(importsEnAttente.etablissementId, etablissementId)))
    .returning({ id: importsEnAttente.id });
  if (dropped.length !== 1) {
    throw new Refus(
      'Cet import vient d’être appliqué (par un autre envoi du formulaire) : il ne l’est pas une seconde fois.',
    );
  }
}
