// Applies an STS-Web export in one transaction (administer: the establishment's lock — two
// imports never interleave — and the journal line in the same transaction): the teams read
// again, the plan computed again, so what is written is what the plan says now. The STS ids
// of the matched accounts are kept, so that the next import matches them whatever their name.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { equipes, utilisateurs } from '@/lib/db/schema';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from '../journal';
import type { StsFichier } from './fichier';
import { changesNothing, planSts, type StsPlan } from './plan';
import { loadEtatEquipes } from './state';

export async function applySts(
  context: UseCaseContext,
  fichier: StsFichier,
  options: { after?: (tx: Database) => Promise<void> } = {},
): Promise<StsPlan> {
  const applied = await administer(context, 'import_sts', async ({ db: tx, etablissementId }) => {
    const etat = await loadEtatEquipes(tx, etablissementId, fichier.anneeScolaire);
    const plan = planSts(fichier, etat);
    const w = plan.ecritures;
    for (const i of w.identifiants) {
      await tx
        .update(utilisateurs)
        .set({ stsIndividuId: i.stsIndividuId })
        .where(
          and(
            eq(utilisateurs.id, i.utilisateurId),
            eq(utilisateurs.etablissementId, etablissementId),
          ),
        );
    }
    if (w.ajouts.length > 0) {
      await tx
        .insert(equipes)
        .values(w.ajouts.map((a) => ({ ...a, origine: 'sts' })))
        .onConflictDoNothing();
    }
    for (const r of w.retraits) {
      await tx
        .delete(equipes)
        .where(
          and(
            eq(equipes.classeId, r.classeId),
            eq(equipes.utilisateurId, r.utilisateurId),
            eq(equipes.origine, 'sts'),
          ),
        );
    }
    await options.after?.(tx);
    return {
      result: plan,
      // The same file twice: nothing written, no journal line.
      details: changesNothing(plan)
        ? null
        : {
            annee: fichier.anneeScolaire,
            divisions: plan.divisions.length,
            ajouts: w.ajouts.length,
            retraits: w.retraits.length,
            comptesRattaches: w.identifiants.length,
            nonReconnus: plan.nonReconnus.length,
          },
    };
  });
  return applied!;
}
