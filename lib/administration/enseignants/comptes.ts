// Teachers' accounts of one establishment, as its administrator manages them: the list with
// each account's ways in and last sign-in, deactivation and reactivation (never deletion:
// traces refer to accounts; deactivating revokes every session, by trigger), and ENT links.
// Every action is checked against the establishment and journaled in its transaction.
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { identitesExternes, utilisateurs } from '@/lib/db/schema';
import type { FournisseurEnt, Role } from '@/lib/db/enums';
import { isUuid } from '@/lib/common/ids';
import { Refus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from '../journal';

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
  context: UseCaseContext,
  utilisateurId: string,
  actif: boolean,
): Promise<boolean> {
  const action = actif ? 'compte_reactive' : 'compte_desactive';
  const done = await administer(context, action, async ({ db, etablissementId }) => {
    const compte = await teacherOf(db, etablissementId, utilisateurId);
    if (!compte) return null;
    if (compte.actif === actif) return { result: true, details: null };
    await db.update(utilisateurs).set({ actif }).where(eq(utilisateurs.id, compte.id));
    return { result: true, details: { compte: compte.email } };
  });
  return done === true;
}

const MAX_IDENTIFIANT = 256;

/**
 * Links ENT identity `identifiant` of `fournisseur` to a teacher of the establishment, in
 * place of their previous one of that provider. An identity linked to another account is
 * refused (never moved silently: that account may be someone else's, of another school).
 */
export async function linkIdentite(
  context: UseCaseContext,
  utilisateurId: string,
  fournisseur: FournisseurEnt,
  identifiant: string,
): Promise<boolean> {
  const id = identifiant.trim();
  if (!id || id.length > MAX_IDENTIFIANT || id.includes('\u0000')) {
    throw new Refus(`Identifiant ENT invalide (1 à ${MAX_IDENTIFIANT} caractères).`, 'identifiant');
  }
  const done = await administer(context, 'identite_liee', async ({ db, etablissementId }) => {
    const compte = await teacherOf(db, etablissementId, utilisateurId);
    if (!compte) return null;
    const [existing] = await db
      .select({ utilisateurId: identitesExternes.utilisateurId })
      .from(identitesExternes)
      .where(
        and(eq(identitesExternes.fournisseur, fournisseur), eq(identitesExternes.identifiant, id)),
      );
    if (existing && existing.utilisateurId !== compte.id) {
      throw new Refus(`L’identifiant ENT « ${id} » est déjà lié à un autre compte.`, 'identifiant');
    }
    if (existing) return { result: true, details: null };
    await db
      .delete(identitesExternes)
      .where(
        and(
          eq(identitesExternes.utilisateurId, compte.id),
          eq(identitesExternes.fournisseur, fournisseur),
        ),
      );
    await db.insert(identitesExternes).values({
      fournisseur,
      identifiant: id,
      utilisateurId: compte.id,
      liaison: 'administration',
    });
    return { result: true, details: { compte: compte.email, fournisseur } };
  });
  return done === true;
}

export async function unlinkIdentite(
  context: UseCaseContext,
  utilisateurId: string,
  fournisseur: FournisseurEnt,
): Promise<boolean> {
  const done = await administer(context, 'identite_deliee', async ({ db, etablissementId }) => {
    const compte = await teacherOf(db, etablissementId, utilisateurId);
    if (!compte) return null;
    const removed = await db
      .delete(identitesExternes)
      .where(
        and(
          eq(identitesExternes.utilisateurId, compte.id),
          eq(identitesExternes.fournisseur, fournisseur),
        ),
      )
      .returning({ identifiant: identitesExternes.identifiant });
    return {
      result: true,
      details: removed.length > 0 ? { compte: compte.email, fournisseur } : null,
    };
  });
  return done === true;
}
