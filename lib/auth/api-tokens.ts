// API tokens of an establishment, of two kinds: PRONOTE's (`pronote`, read the validated
// bilans of the current period) and the write API's (`alimentation`, send bilans in). Shown
// once at creation, stored as a SHA-256 hash, revocable; each kind has its own prefix and is
// looked up with its kind, so a token of one API is refused by the other. Used by the
// scripts (pronote:token, alimentation:token), the administration pages and the APIs.
import 'server-only';
import crypto from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { etablissements, pronoteJetons } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';

export type NatureJeton = 'pronote' | 'alimentation';

const PREFIXES: Record<NatureJeton, string> = { pronote: 'cpro_pn_', alimentation: 'cpro_al_' };

export function hashApiToken(jeton: string): string {
  return crypto.createHash('sha256').update(jeton).digest('hex');
}

export interface CreatedApiToken {
  id: string;
  jeton: string;
}

/** A new token of establishment `etablissementId`. */
export async function createApiToken(
  db: Database,
  nature: NatureJeton,
  etablissementId: string,
  libelle: string,
): Promise<CreatedApiToken> {
  const jeton = `${PREFIXES[nature]}${crypto.randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(pronoteJetons)
    .values({
      etablissementId,
      nature,
      libelle,
      hash: hashApiToken(jeton),
      prefixe: jeton.slice(0, 12),
    })
    .returning({ id: pronoteJetons.id });
  return { id: row!.id, jeton };
}

/** The same, for the establishment of UAI `uai` (scripts); null when there is none. */
export async function createApiTokenForUai(
  db: Database,
  nature: NatureJeton,
  uai: string,
  libelle: string,
): Promise<CreatedApiToken | null> {
  const [etab] = await db
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(eq(etablissements.uai, uai.toUpperCase()));
  return etab ? createApiToken(db, nature, etab.id, libelle) : null;
}

export interface ListedApiToken {
  id: string;
  uai: string;
  libelle: string;
  prefixe: string;
  creeLe: Date;
  revoqueLe: Date | null;
  dernierUsageLe: Date | null;
}

export async function listApiTokens(
  db: Database,
  nature: NatureJeton,
  uai?: string,
): Promise<ListedApiToken[]> {
  return db
    .select({
      id: pronoteJetons.id,
      uai: etablissements.uai,
      libelle: pronoteJetons.libelle,
      prefixe: pronoteJetons.prefixe,
      creeLe: pronoteJetons.creeLe,
      revoqueLe: pronoteJetons.revoqueLe,
      dernierUsageLe: pronoteJetons.dernierUsageLe,
    })
    .from(pronoteJetons)
    .innerJoin(etablissements, eq(etablissements.id, pronoteJetons.etablissementId))
    .where(
      and(
        eq(pronoteJetons.nature, nature),
        uai ? eq(etablissements.uai, uai.toUpperCase()) : undefined,
      ),
    )
    .orderBy(asc(etablissements.uai), asc(pronoteJetons.creeLe));
}

/** True when a live token of this kind (and establishment, when given) was revoked now. */
export async function revokeApiToken(
  db: Database,
  nature: NatureJeton,
  id: string,
  etablissementId?: string,
): Promise<boolean> {
  const rows = await db
    .update(pronoteJetons)
    .set({ revoqueLe: new Date() })
    .where(
      and(
        eq(pronoteJetons.id, id),
        eq(pronoteJetons.nature, nature),
        isNull(pronoteJetons.revoqueLe),
        etablissementId ? eq(pronoteJetons.etablissementId, etablissementId) : undefined,
      ),
    )
    .returning({ id: pronoteJetons.id });
  return rows.length > 0;
}

export interface VerifiedApiToken {
  jetonId: string;
  etablissementId: string;
  uai: string;
  etablissementNom: string;
}

/** The establishment a bearer token of this kind speaks for, or null. */
export async function verifyApiToken(
  db: Database,
  nature: NatureJeton,
  jeton: string | null,
): Promise<VerifiedApiToken | null> {
  if (!jeton || !jeton.startsWith(PREFIXES[nature]) || jeton.length > 200) return null;
  const [row] = await db
    .select({
      jetonId: pronoteJetons.id,
      etablissementId: pronoteJetons.etablissementId,
      uai: etablissements.uai,
      etablissementNom: etablissements.nom,
    })
    .from(pronoteJetons)
    .innerJoin(etablissements, eq(etablissements.id, pronoteJetons.etablissementId))
    .where(
      and(
        eq(pronoteJetons.hash, hashApiToken(jeton)),
        eq(pronoteJetons.nature, nature),
        isNull(pronoteJetons.revoqueLe),
      ),
    )
    .limit(1);
  return row ?? null;
}
