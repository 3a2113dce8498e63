// API tokens of the PRONOTE export: one or more per establishment, shown once at creation,
// stored as a SHA-256 hash, revocable. Used by scripts/pronote-token.ts and the API.
import 'server-only';
import crypto from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { etablissements, pronoteJetons } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';

const PREFIX = 'cpro_pn_';

export function hashPronoteToken(jeton: string): string {
  return crypto.createHash('sha256').update(jeton).digest('hex');
}

export interface CreatedPronoteToken {
  id: string;
  jeton: string;
}

export async function createPronoteToken(
  db: Database,
  uai: string,
  libelle: string,
): Promise<CreatedPronoteToken | null> {
  const [etab] = await db
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(eq(etablissements.uai, uai.toUpperCase()));
  if (!etab) return null;
  return createPronoteTokenFor(db, etab.id, libelle);
}

/** A new token of establishment `etablissementId` (the administration pages). */
export async function createPronoteTokenFor(
  db: Database,
  etablissementId: string,
  libelle: string,
): Promise<CreatedPronoteToken> {
  const jeton = `${PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(pronoteJetons)
    .values({
      etablissementId,
      libelle,
      hash: hashPronoteToken(jeton),
      prefixe: jeton.slice(0, 12),
    })
    .returning({ id: pronoteJetons.id });
  return { id: row!.id, jeton };
}

export interface ListedPronoteToken {
  id: string;
  uai: string;
  libelle: string;
  prefixe: string;
  creeLe: Date;
  revoqueLe: Date | null;
  dernierUsageLe: Date | null;
}

export async function listPronoteTokens(db: Database, uai?: string): Promise<ListedPronoteToken[]> {
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
    .where(uai ? eq(etablissements.uai, uai.toUpperCase()) : undefined)
    .orderBy(asc(etablissements.uai), asc(pronoteJetons.creeLe));
}

/** True when a live token (of establishment `etablissementId`, when given) was revoked now. */
export async function revokePronoteToken(
  db: Database,
  id: string,
  etablissementId?: string,
): Promise<boolean> {
  const rows = await db
    .update(pronoteJetons)
    .set({ revoqueLe: new Date() })
    .where(
      and(
        eq(pronoteJetons.id, id),
        isNull(pronoteJetons.revoqueLe),
        etablissementId ? eq(pronoteJetons.etablissementId, etablissementId) : undefined,
      ),
    )
    .returning({ id: pronoteJetons.id });
  return rows.length > 0;
}

export interface VerifiedPronoteToken {
  jetonId: string;
  etablissementId: string;
  uai: string;
  etablissementNom: string;
}

/** The establishment a bearer token speaks for, or null (unknown, malformed or revoked). */
export async function verifyPronoteToken(
  db: Database,
  jeton: string | null,
): Promise<VerifiedPronoteToken | null> {
  if (!jeton || !jeton.startsWith(PREFIX) || jeton.length > 200) return null;
  const [row] = await db
    .select({
      jetonId: pronoteJetons.id,
      etablissementId: pronoteJetons.etablissementId,
      uai: etablissements.uai,
      etablissementNom: etablissements.nom,
    })
    .from(pronoteJetons)
    .innerJoin(etablissements, eq(etablissements.id, pronoteJetons.etablissementId))
    .where(and(eq(pronoteJetons.hash, hashPronoteToken(jeton)), isNull(pronoteJetons.revoqueLe)))
    .limit(1);
  return row ?? null;
}
