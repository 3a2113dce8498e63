// PRONOTE's tokens: the `pronote` kind of the establishment's API tokens
// (lib/auth/api-tokens.ts), under the names the export, its script and its page use.
import 'server-only';
import type { Database } from '@/lib/db/types';
import {
  createApiTokenForUai,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
  type CreatedApiToken,
  type ListedApiToken,
  type VerifiedApiToken,
} from '@/lib/auth/api-tokens';

export type CreatedPronoteToken = CreatedApiToken;
export type ListedPronoteToken = ListedApiToken;
export type VerifiedPronoteToken = VerifiedApiToken;

export function createPronoteToken(
  db: Database,
  uai: string,
  libelle: string,
): Promise<CreatedPronoteToken | null> {
  return createApiTokenForUai(db, 'pronote', uai, libelle);
}

export function listPronoteTokens(db: Database, uai?: string): Promise<ListedPronoteToken[]> {
  return listApiTokens(db, 'pronote', uai);
}

/** True when a live token (of establishment `etablissementId`, when given) was revoked now. */
export function revokePronoteToken(
  db: Database,
  id: string,
  etablissementId?: string,
): Promise<boolean> {
  return revokeApiToken(db, 'pronote', id, etablissementId);
}

/** The establishment a bearer token speaks for, or null (unknown, malformed or revoked). */
export function verifyPronoteToken(
  db: Database,
  jeton: string | null,
): Promise<VerifiedPronoteToken | null> {
  return verifyApiToken(db, 'pronote', jeton);
}
