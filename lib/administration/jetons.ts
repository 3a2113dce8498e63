// The establishment's API tokens as the administration pages manage them — PRONOTE's (read)
// and the write API's (alimentation): created (shown once), listed with their last use,
// revoked, each action journaled in its transaction. The tokens live in lib/auth/api-tokens.ts.
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
import { Refus } from './refus';
import { journalise, type Acteur } from './journal';

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
  db: Database,
  nature: NatureJeton,
  etablissementId: string,
  rawLibelle: string | null,
  acteur: Acteur,
): Promise<CreatedApiToken> {
  const libelle = (rawLibelle ?? '').replace(/\s+/g, ' ').trim() || DEFAULT_LABEL[nature];
  if (libelle.length > MAX_LIBELLE) {
    throw new Refus(`Le libellé du jeton fait ${MAX_LIBELLE} caractères au plus.`);
  }
  return db.transaction(async (tx) => {
    const created = await createApiToken(tx, nature, etablissementId, libelle);
    await journalise(tx, etablissementId, acteur, `jeton_${nature}_cree`, { libelle });
    return created;
  });
}

/** False when the establishment has no live token of that kind and id. */
export async function revokeJeton(
  db: Database,
  nature: NatureJeton,
  etablissementId: string,
  jetonId: string,
  acteur: Acteur,
): Promise<boolean> {
  if (!isUuid(jetonId)) return false;
  return db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, nature, jetonId, etablissementId);
    if (revoked)
      await journalise(tx, etablissementId, acteur, `jeton_${nature}_revoque`, { jeton: jetonId });
    return revoked;
  });
}
