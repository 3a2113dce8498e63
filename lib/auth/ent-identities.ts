// Who an ENT identity is in CPRO (table `identites_externes`): an identity is linked to an
// existing teacher account, never creates one. Linked by `npm run ent:link` (the school's
// administrator), or at first sign-in when the provider vouches for an e-mail (a verified
// claim) equal to an active account's — and recorded. Role, establishment, deactivation
// and revocation then come from our database exactly as for a local account.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { identitesExternes, utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { FournisseurEnt } from '@/lib/db/enums';
import { normalizeEmail } from './ways/password/credentials';

export interface EntIdentity {
  fournisseur: FournisseurEnt;
  /** The provider's stable id (OIDC `sub`, CAS user). */
  identifiant: string;
  /** Only when the provider says it checked it (OIDC `email_verified`). */
  emailVerifie?: string;
}

export interface LinkedAccount {
  id: string;
  sessionVersion: number;
  /** A deactivated account is refused with its own 403 page (next-auth/options.ts). */
  actif: boolean;
}

const MAX_IDENTIFIANT = 256;

/**
 * The account the identity is linked to (linking it by verified e-mail to an active
 * account), null when none matches, or `deja-liee` when the account of that e-mail is
 * already linked to another identity of this provider (refused: one identity per account
 * and provider; the administrator changes a link with `npm run ent:link`).
 */
export async function accountForEntIdentity(
  db: Database,
  identity: EntIdentity,
): Promise<LinkedAccount | null | 'deja-liee'> {
  const identifiant = identity.identifiant;
  if (!identifiant || identifiant.length > MAX_IDENTIFIANT || identifiant.includes('\u0000')) {
    return null;
  }
  const linked = await linkedAccount(db, identity.fournisseur, identifiant);
  if (linked) return linked;
  const email = identity.emailVerifie;
  // Compared exactly as the provider vouched for it: no trimming, no case folding (accounts
  // store their address in lower case; anything else is another address).
  if (!email || email.length > 254 || email.includes('\u0000')) return null;
  const [byEmail] = await db
    .select({ id: utilisateurs.id, sessionVersion: utilisateurs.sessionVersion })
    .from(utilisateurs)
    .where(and(eq(utilisateurs.email, email), eq(utilisateurs.actif, true)));
  if (!byEmail) return null;
  // Two first sign-ins at once link once; the identity stays with its first account, and
  // an account keeps its first identity of this provider (unique index).
  const inserted = await db
    .insert(identitesExternes)
    .values({
      fournisseur: identity.fournisseur,
      identifiant,
      utilisateurId: byEmail.id,
      liaison: 'email',
    })
    .onConflictDoNothing()
    .returning({ utilisateurId: identitesExternes.utilisateurId });
  if (inserted.length > 0) return linkedAccount(db, identity.fournisseur, identifiant);
  // Not inserted: either this identity was linked meanwhile, or the account already has one.
  const now = await linkedAccount(db, identity.fournisseur, identifiant);
  if (now) return now;
  console.warn(
    `[auth] identité ENT refusée : le compte est déjà lié à une autre identité (${identity.fournisseur}).`,
  );
  return 'deja-liee';
}

async function linkedAccount(
  db: Database,
  fournisseur: FournisseurEnt,
  identifiant: string,
): Promise<LinkedAccount | null> {
  const [linked] = await db
    .select({
      id: utilisateurs.id,
      sessionVersion: utilisateurs.sessionVersion,
      actif: utilisateurs.actif,
    })
    .from(identitesExternes)
    .innerJoin(utilisateurs, eq(utilisateurs.id, identitesExternes.utilisateurId))
    .where(
      and(
        eq(identitesExternes.fournisseur, fournisseur),
        eq(identitesExternes.identifiant, identifiant),
      ),
    );
  return linked ?? null;
}

/** `npm run ent:link`: links (or moves) an identity to the account of this e-mail. */
export async function linkEntIdentity(
  db: Database,
  email: string,
  fournisseur: FournisseurEnt,
  identifiant: string,
): Promise<'liee' | 'compte-inconnu'> {
  if (!identifiant || identifiant.length > MAX_IDENTIFIANT)
    throw new Error(`Identifiant ENT invalide (1 à ${MAX_IDENTIFIANT} caractères).`);
  const [account] = await db
    .select({ id: utilisateurs.id })
    .from(utilisateurs)
    .where(eq(utilisateurs.email, normalizeEmail(email)));
  if (!account) return 'compte-inconnu';
  // The administrator's link replaces the account's previous identity of this provider.
  await db.transaction(async (tx) => {
    await tx
      .delete(identitesExternes)
      .where(
        and(
          eq(identitesExternes.utilisateurId, account.id),
          eq(identitesExternes.fournisseur, fournisseur),
        ),
      );
    await tx
      .insert(identitesExternes)
      .values({ fournisseur, identifiant, utilisateurId: account.id, liaison: 'script' })
      .onConflictDoUpdate({
        target: [identitesExternes.fournisseur, identitesExternes.identifiant],
        set: { utilisateurId: account.id, liaison: 'script', lieeLe: new Date() },
      });
  });
  return 'liee';
}
