// Teachers' accounts of one establishment, as its administrator manages them: the list with
// each account's ways in and last sign-in, deactivation and reactivation (never deletion:
// traces refer to accounts; deactivating revokes every session, by trigger), and ENT links.
// Every action is checked against the establishment and journaled in its transaction.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { identitesExternes, utilisateurs } from '@/lib/db/schema';
import type { FournisseurEnt, Role } from '@/lib/db/enums';
import { isUuid } from '@/lib/common/ids';
import { Refus } from '../refus';
import { journalise, type Acteur } from '../journal';

export interface CompteListe {
  id: string;
  nom: string;
  prenom: string;
  email: string;
  role: Role;
  actif: boolean;
  motDePasse: boolean;
  identites: { fournisseur: FournisseurEnt; identifiant: string }[];
  derniereConnexionLe: Date | null;
}

/** Every account of the establishment, teachers first, then by name. */
export async function listComptes(db: Database, etablissementId: string): Promise<CompteListe[]> {
  const comptes = await db
    .select({
      id: utilisateurs.id,
      nom: utilisateurs.nom,
      prenom: utilisateurs.prenom,
      email: utilisateurs.email,
      role: utilisateurs.role,
      actif: utilisateurs.actif,
      passwordHash: utilisateurs.passwordHash,
      derniereConnexionLe: utilisateurs.derniereConnexionLe,
    })
    .from(utilisateurs)
    .where(eq(utilisateurs.etablissementId, etablissementId))
    .orderBy(asc(utilisateurs.nom), asc(utilisateurs.prenom));
  const identites =
    comptes.length === 0
      ? []
      : await db
          .select({
            utilisateurId: identitesExternes.utilisateurId,
            fournisseur: identitesExternes.fournisseur,
            identifiant: identitesExternes.identifiant,
          })
          .from(identitesExternes)
          .where(
            inArray(
              identitesExternes.utilisateurId,
              comptes.map((c) => c.id),
            ),
          );
  return comptes
    .map(({ passwordHash, ...c }) => ({
      ...c,
      motDePasse: passwordHash !== null,
      identites: identites
        .filter((i) => i.utilisateurId === c.id)
        .map(({ fournisseur, identifiant }) => ({ fournisseur, identifiant })),
    }))
    .sort((a, b) => Number(b.role === 'enseignant') - Number(a.role === 'enseignant'));
}

async function teacherOf(db: Database, etablissementId: string, utilisateurId: string) {
  if (!isUuid(utilisateurId)) return null;
  const [compte] = await db
    .select({
      id: utilisateurs.id,
      email: utilisateurs.email,
      actif: utilisateurs.actif,
      role: utilisateurs.role,
    })
    .from(utilisateurs)
    .where(
      and(eq(utilisateurs.id, utilisateurId), eq(utilisateurs.etablissementId, etablissementId)),
    );
  return compte && compte.role === 'enseignant' ? compte : null;
}

/**
 * Deactivates (`actif` false: refused at sign-in, sessions revoked) or reactivates a teacher's
 * account of the establishment; false when there is no such teacher.
 */
export async function setCompteActif(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  actif: boolean,
  acteur: Acteur,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const compte = await teacherOf(tx, etablissementId, utilisateurId);
    if (!compte) return false;
    if (compte.actif === actif) return true;
    await tx.update(utilisateurs).set({ actif }).where(eq(utilisateurs.id, compte.id));
    await journalise(tx, etablissementId, acteur, actif ? 'compte_reactive' : 'compte_desactive', {
      compte: compte.email,
    });
    return true;
  });
}

const MAX_IDENTIFIANT = 256;

/**
 * Links ENT identity `identifiant` of `fournisseur` to a teacher of the establishment, in
 * place of their previous one of that provider. An identity linked to another account is
 * refused (never moved silently: that account may be someone else's, of another school).
 */
export async function linkIdentite(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  fournisseur: FournisseurEnt,
  identifiant: string,
  acteur: Acteur,
): Promise<boolean> {
  const id = identifiant.trim();
  if (!id || id.length > MAX_IDENTIFIANT || id.includes('\u0000')) {
    throw new Refus(`Identifiant ENT invalide (1 à ${MAX_IDENTIFIANT} caractères).`);
  }
  return db.transaction(async (tx) => {
    const compte = await teacherOf(tx, etablissementId, utilisateurId);
    if (!compte) return false;
    const [existing] = await tx
      .select({ utilisateurId: identitesExternes.utilisateurId })
      .from(identitesExternes)
      .where(
        and(eq(identitesExternes.fournisseur, fournisseur), eq(identitesExternes.identifiant, id)),
      );
    if (existing && existing.utilisateurId !== compte.id) {
      throw new Refus(`L’identifiant ENT « ${id} » est déjà lié à un autre compte.`);
    }
    if (existing) return true;
    await tx
      .delete(identitesExternes)
      .where(
        and(
          eq(identitesExternes.utilisateurId, compte.id),
          eq(identitesExternes.fournisseur, fournisseur),
        ),
      );
    await tx.insert(identitesExternes).values({
      fournisseur,
      identifiant: id,
      utilisateurId: compte.id,
      liaison: 'administration',
    });
    await journalise(tx, etablissementId, acteur, 'identite_liee', {
      compte: compte.email,
      fournisseur,
    });
    return true;
  });
}

export async function unlinkIdentite(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  fournisseur: FournisseurEnt,
  acteur: Acteur,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const compte = await teacherOf(tx, etablissementId, utilisateurId);
    if (!compte) return false;
    const removed = await tx
      .delete(identitesExternes)
      .where(
        and(
          eq(identitesExternes.utilisateurId, compte.id),
          eq(identitesExternes.fournisseur, fournisseur),
        ),
      )
      .returning({ identifiant: identitesExternes.identifiant });
    if (removed.length > 0) {
      await journalise(tx, etablissementId, acteur, 'identite_deliee', {
        compte: compte.email,
        fournisseur,
      });
    }
    return true;
  });
}
