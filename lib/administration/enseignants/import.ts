// Teachers' CSV → accounts: what it would change (preview, nothing written), then the same
// plan computed again and written in one transaction (apply). An account is its e-mail: a
// new one is created as a teacher of the establishment, without password (they sign in with
// their ENT);
// a known one is renamed, reactivated, given its ENT identity. Accounts missing from the file
// are listed, never deactivated behind the administrator's back.
import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { identitesExternes, utilisateurs } from '@/lib/db/schema';
import type { Role } from '@/lib/db/enums';
import { Refus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from '../journal';
import type { EnseignantLigne, EnseignantsFichier } from './fichier';

interface CompteConnu {
  id: string;
  etablissementId: string;
  email: string;
  nom: string;
  prenom: string;
  role: Role;
  actif: boolean;
}

export interface EnseignantsPlan {
  nouveaux: EnseignantLigne[];
  modifies: (EnseignantLigne & { avant: string })[];
  reactives: EnseignantLigne[];
  identites: EnseignantLigne[];
  inchanges: number;
  /** Active teachers of the establishment the file does not list. */
  absents: { nom: string; prenom: string; email: string }[];
  erreurs: string[];
}

const ROLE_LABEL: Record<Role, string> = {
  enseignant: 'enseignant',
  vie_scolaire: 'vie scolaire',
  direction: 'direction',
  administrateur: 'administrateur',
};

async function loadComptes(db: Database, etablissementId: string, fichier: EnseignantsFichier) {
  const emails = fichier.lignes.map((l) => l.courriel);
  const identifiants = fichier.lignes.flatMap((l) => l.identifiantEnt ?? []);
  const columns = {
    id: utilisateurs.id,
    etablissementId: utilisateurs.etablissementId,
    email: utilisateurs.email,
    nom: utilisateurs.nom,
    prenom: utilisateurs.prenom,
    role: utilisateurs.role,
    actif: utilisateurs.actif,
  };
  const [parEmail, ici] = await Promise.all([
    emails.length === 0
      ? Promise.resolve([] as CompteConnu[])
      : db.select(columns).from(utilisateurs).where(inArray(utilisateurs.email, emails)),
    db.select(columns).from(utilisateurs).where(eq(utilisateurs.etablissementId, etablissementId)),
  ]);
  // The file's identifiers (whose account are they?) and the listed accounts' identities.
  const conditions = [
    ...(identifiants.length > 0 ? [inArray(identitesExternes.identifiant, identifiants)] : []),
    ...(parEmail.length > 0
      ? [
          inArray(
            identitesExternes.utilisateurId,
            parEmail.map((c) => c.id),
          ),
        ]
      : []),
  ];
  const identites =
    conditions.length === 0
      ? []
      : await db
          .select({
            utilisateurId: identitesExternes.utilisateurId,
            identifiant: identitesExternes.identifiant,
          })
          .from(identitesExternes)
          .where(and(eq(identitesExternes.fournisseur, fichier.fournisseur), or(...conditions)));
  return { parEmail, ici, identites };
}

export function planFrom(
  etablissementId: string,
  fichier: EnseignantsFichier,
  comptes: CompteConnu[],
  ici: CompteConnu[],
  identites: { utilisateurId: string; identifiant: string }[],
): EnseignantsPlan {
  const byEmail = new Map(comptes.map((c) => [c.email, c]));
  const identiteDe = new Map(identites.map((i) => [i.utilisateurId, i.identifiant]));
  const compteDe = new Map(identites.map((i) => [i.identifiant, i.utilisateurId]));
  const plan: EnseignantsPlan = {
    nouveaux: [],
    modifies: [],
    reactives: [],
    identites: [],
    inchanges: 0,
    absents: [],
    erreurs: [...fichier.erreurs],
  };
  const listed = new Set<string>();
  for (const l of fichier.lignes) {
    const compte = byEmail.get(l.courriel);
    if (compte && compte.etablissementId !== etablissementId) {
      plan.erreurs.push(
        `Ligne ${l.ligne} : le courriel ${l.courriel} est celui d’un compte d’un autre établissement.`,
      );
      continue;
    }
    if (compte && compte.role !== 'enseignant') {
      plan.erreurs.push(
        `Ligne ${l.ligne} : le courriel ${l.courriel} est celui d’un compte « ${ROLE_LABEL[compte.role]} », pas d’un enseignant.`,
      );
      continue;
    }
    if (l.identifiantEnt) {
      const owner = compteDe.get(l.identifiantEnt);
      if (owner && owner !== compte?.id) {
        plan.erreurs.push(
          `Ligne ${l.ligne} : l’identifiant ENT « ${l.identifiantEnt} » est déjà lié à un autre compte.`,
        );
        continue;
      }
    }
    if (!compte) {
      plan.nouveaux.push(l);
      continue;
    }
    listed.add(compte.id);
    let change = false;
    if (compte.nom !== l.nom || compte.prenom !== l.prenom) {
      plan.modifies.push({ ...l, avant: `${compte.nom} ${compte.prenom}` });
      change = true;
    }
    if (!compte.actif) {
      plan.reactives.push(l);
      change = true;
    }
    if (l.identifiantEnt && identiteDe.get(compte.id) !== l.identifiantEnt) {
      plan.identites.push(l);
      change = true;
    }
    if (!change) plan.inchanges += 1;
  }
  plan.absents = ici
    .filter((c) => c.role === 'enseignant' && c.actif && !listed.has(c.id))
    .map(({ nom, prenom, email }) => ({ nom, prenom, email }));
  return plan;
}

export async function planEnseignants(
  db: Database,
  etablissementId: string,
  fichier: EnseignantsFichier,
): Promise<EnseignantsPlan> {
  const { parEmail, ici, identites } = await loadComptes(db, etablissementId, fichier);
  return planFrom(etablissementId, fichier, parEmail, ici, identites);
}

export async function applyEnseignants(
  context: UseCaseContext,
  fichier: EnseignantsFichier,
  options: { after?: (tx: Database) => Promise<void> } = {},
): Promise<EnseignantsPlan> {
  const applied = await administer(context, 'import_enseignants', async (work) => {
    const { db: tx, etablissementId } = work;
    const plan = await planEnseignants(tx, etablissementId, fichier);
    if (plan.erreurs.length > 0) {
      throw new Refus(`Import refusé, rien n’a été modifié : ${plan.erreurs.join(' ')}`);
    }
    const ids = new Map<string, string>();
    if (plan.nouveaux.length > 0) {
      const created = await tx
        .insert(utilisateurs)
        .values(
          plan.nouveaux.map((l) => ({
            etablissementId,
            email: l.courriel,
            nom: l.nom,
            prenom: l.prenom,
            role: 'enseignant' as const,
          })),
        )
        .returning({ id: utilisateurs.id, email: utilisateurs.email });
      for (const c of created) ids.set(c.email, c.id);
    }
    const existing = await tx
      .select({ id: utilisateurs.id, email: utilisateurs.email })
      .from(utilisateurs)
      .where(
        and(
          eq(utilisateurs.etablissementId, etablissementId),
          inArray(
            utilisateurs.email,
            fichier.lignes.map((l) => l.courriel),
          ),
        ),
      );
    for (const c of existing) ids.set(c.email, c.id);
    for (const l of plan.modifies) {
      await tx
        .update(utilisateurs)
        .set({ nom: l.nom, prenom: l.prenom })
        .where(eq(utilisateurs.id, ids.get(l.courriel)!));
    }
    for (const l of plan.reactives) {
      await tx
        .update(utilisateurs)
        .set({ actif: true })
        .where(eq(utilisateurs.id, ids.get(l.courriel)!));
    }
    const links = [...plan.nouveaux.filter((l) => l.identifiantEnt), ...plan.identites];
    for (const l of links) {
      const utilisateurId = ids.get(l.courriel)!;
      await tx
        .delete(identitesExternes)
        .where(
          and(
            eq(identitesExternes.utilisateurId, utilisateurId),
            eq(identitesExternes.fournisseur, fichier.fournisseur),
          ),
        );
      await tx.insert(identitesExternes).values({
        fournisseur: fichier.fournisseur,
        identifiant: l.identifiantEnt!,
        utilisateurId,
        liaison: 'administration',
      });
    }
    await options.after?.(tx);
    return {
      result: plan,
      details: {
        nouveaux: plan.nouveaux.length,
        modifies: plan.modifies.length,
        reactives: plan.reactives.length,
        identites: links.length,
        inchanges: plan.inchanges,
        absents: plan.absents.length,
      },
    };
  });
  return applied!;
}
