// The establishment's API tokens as the administration pages manage them — PRONOTE's (read)
// and the write API's (alimentation): created (shown once), listed with their last use,
// revoked, each action journaled in its transaction. The tokens live in lib/auth/api-tokens.ts.
import 'server-only';
import type { Database } from '@/lib/db/types';
import { isUuid } from '@/lib/common/ids';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type CreatedApiToken,
  type ListedApiToken,
  type NatureJeton,
} from '@/lib/auth/api-tokens';
import { Refus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from './journal';

const MAX_LIBELLE = 80;
const DEFAULT_LABEL: Record<NatureJeton, string> = {
  pronote: 'Connecteur PRONOTE',
  alimentation: 'Tableau de bord des apprenants',
};

export function listJetons(
  db: Database,
  nature: NatureJeton,
  uai: string,
): Promise<ListedApiToken[]> {
  return listApiTokens(db, nature, uai);
}

export async function createJeton(
  context: UseCaseContext,
  nature: NatureJeton,
  rawLibelle: string | null,
): Promise<CreatedApiToken> {
  const libelle = (rawLibelle ?? '').replace(/\s+/g, ' ').trim() || DEFAULT_LABEL[nature];
  if (libelle.length > MAX_LIBELLE) {
    throw new Refus(`Le libellé du jeton fait ${MAX_LIBELLE} caractères au plus.`, 'libelle');
  }
  const created = await administer(context, `jeton_${nature}_cree`, async (tx) => ({
    result: await createApiToken(tx.db, nature, tx.etablissementId, libelle),
    details: { libelle },
  }));
  return created!;
}

/** False when the establishment has no live token of that kind and id. */
export async function revokeJeton(
  context: UseCaseContext,
  nature: NatureJeton,
  jetonId: string,
): Promise<boolean> {
  if (!isUuid(jetonId)) return false;
  const done = await administer(context, `jeton_${nature}_revoque`, async (tx) =>
    (await revokeApiToken(tx.db, nature, jetonId, tx.etablissementId))
      ? { result: true, details: { jeton: jetonId } }
      : null,
  );
  return done === true;
}
