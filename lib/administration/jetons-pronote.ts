// PRONOTE's tokens as the administration pages manage them: created for the administrator's
// establishment (shown once), listed with their last read, revoked — each action journaled in
// its transaction. The tokens themselves live in lib/pronote/tokens.ts (the script uses them).
import type { Database } from '@/lib/db/types';
import { isUuid } from '@/lib/common/ids';
import {
  createPronoteTokenFor,
  listPronoteTokens,
  revokePronoteToken,
  type CreatedPronoteToken,
  type ListedPronoteToken,
} from '@/lib/pronote/tokens';
import { Refus } from './refus';
import { journalise, type Acteur } from './journal';

const MAX_LIBELLE = 80;

export async function listJetonsPronote(db: Database, uai: string): Promise<ListedPronoteToken[]> {
  return listPronoteTokens(db, uai);
}

export async function createJetonPronote(
  db: Database,
  etablissementId: string,
  rawLibelle: string | null,
  acteur: Acteur,
): Promise<CreatedPronoteToken> {
  const libelle = (rawLibelle ?? '').replace(/\s+/g, ' ').trim() || 'Connecteur PRONOTE';
  if (libelle.length > MAX_LIBELLE) {
    throw new Refus(`Le libellé du jeton fait ${MAX_LIBELLE} caractères au plus.`);
  }
  return db.transaction(async (tx) => {
    const created = await createPronoteTokenFor(tx, etablissementId, libelle);
    await journalise(tx, etablissementId, acteur, 'jeton_pronote_cree', { libelle });
    return created;
  });
}

/** False when the establishment has no live token of that id. */
export async function revokeJetonPronote(
  db: Database,
  etablissementId: string,
  jetonId: string,
  acteur: Acteur,
): Promise<boolean> {
  if (!isUuid(jetonId)) return false;
  return db.transaction(async (tx) => {
    const revoked = await revokePronoteToken(tx, jetonId, etablissementId);
    if (revoked)
      await journalise(tx, etablissementId, acteur, 'jeton_pronote_revoque', { jeton: jetonId });
    return revoked;
  });
}
