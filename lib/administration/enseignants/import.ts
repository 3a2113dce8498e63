// Teachers' CSV → accounts: what it would change (preview, nothing written), then the same
// plan computed again and written in one transaction (apply). An account is its e-mail: a
// new one is created as a teacher of the establishment, without password (they sign in with
// their ENT);
// a known one is renamed, reactivated, given its ENT identity. Accounts missing from the file
// are listed, never deactivated behind the administrator's back. A new e-mail whose name and
// first name are those of a teacher already here (another e-mail, not in the file) is a
// probable duplicate — a teacher whose address changed: the administrator links it (the
// account keeps its e-mail, its sign-in, and is known by the file's one too: autres_courriels)
// or creates it; nothing is applied until each one is decided.
import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { autresCourriels, identitesExternes, utilisateurs } from '@/lib/db/schema';
import type { Role } from '@/lib/db/enums';
import { Refus } from '@/lib/common/refus';
import { comparableName } from '@/lib/common/names';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from '../journal';
import type { EnseignantLigne, EnseignantsFichier } from './fichier';
import {
  decide,
  type CompteHomonyme,
  type DecisionsDoublons,
  type DoublonProbable,
} from './doublons';

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
  /** New accounts, probable duplicates left out. */
  nouveaux: EnseignantLigne[];
  doublons: DoublonProbable[];
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
  const [parEmail, parAutreCourriel, ici] = await Promise.all([
    emails.length === 0
      ? Promise.resolve([] as CompteConnu[])
      : db.select(columns).from(utilisateurs).where(inArray(utilisateurs.email, emails)),
    // Accounts the file names by an e-mail an administrator linked them to.
    emails.length === 0
      ? Promise.resolve([])
      : db
          .select({ ...columns, courriel: autresCourriels.courriel })
          .from(autresCourriels)
          .innerJoin(utilisateurs, eq(utilisateurs.id, autresCourriels.utilisateurId))
          .where(inArray(autresCourriels.courriel, emails)),
    db.select(columns).from(utilisateurs).where(eq(utilisateurs.etablissementId, etablissementId)),
  ]);
  // The account's own e-mail first: an other e-mail never hides an account.
  const parCourriel = new Map<string, CompteConnu>();
  for (const { courriel, ...compte } of parAutreCourriel) parCourriel.set(courriel, compte);
  for (const compte of parEmail) parCourriel.set(compte.email, compte);
  const listes = [...new Set([...parCourriel.values()].map((c) => c.id))];
  // The file's identifiers (whose account are they?) and the listed accounts' identities.
  const conditions = [
    ...(identifiants.length > 0 ? [inArray(identitesExternes.identifiant, identifiants)] : []),
    ...(listes.length > 0 ? [inArray(identitesExternes.utilisateurId, listes)] : []),
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
  return { parCourriel, ici, identites };
}

function nameKey(person: { nom: string; prenom: string }): string {
  return `${comparableName(person.nom)}|${comparableName(person.prenom)}`;
}

export function planFrom(
  etablissementId: string,
  fichier: EnseignantsFichier,
  /** The accounts the file's e-mails are: their own, or one linked to them. */
  byEmail: ReadonlyMap<string, CompteConnu>,
  ici: CompteConnu[],
  identites: { utilisateurId: string; identifiant: string }[],
): EnseignantsPlan {
  const identiteDe = new Map(identites.map((i) => [i.utilisateurId, i.identifiant]));
  const compteDe = new Map(identites.map((i) => [i.identifiant, i.utilisateurId]));
  const plan: EnseignantsPlan = {
    nouveaux: [],
    doublons: [],
    modifies: [],
    reactives: [],
    identites: [],
    inchanges: 0,
    absents: [],
    erreurs: [...fichier.erreurs],
  };
  const listed = new Set<string>();
  // Teachers here the file does not name (by any of their e-mails): those a new line may be.
  const named = new Set(
    fichier.lignes.flatMap((l) => {
      const c = byEmail.get(l.courriel);
      return c ? [c.id] : [];
    }),
  );
  const homonymesDe = new Map<string, CompteHomonyme[]>();
  for (const c of ici) {
    if (c.role !== 'enseignant' || named.has(c.id)) continue;
    const key = nameKey(c);
    homonymesDe.set(key, [
      ...(homonymesDe.get(key) ?? []),
      { id: c.id, email: c.email, nom: c.nom, prenom: c.prenom, actif: c.actif },
    ]);
  }
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
      // A new e-mail whose identity is already its namesake's: that duplicate, linked or not.
      const namesake = !compte && homonymesDe.get(nameKey(l))?.some((h) => h.id === owner);
      if (owner && owner !== compte?.id && !namesake) {
        plan.erreurs.push(
          `Ligne ${l.ligne} : l’identifiant ENT « ${l.identifiantEnt} » est déjà lié à un autre compte.`,
        );
        continue;
      }
    }
    if (!compte) {
      const homonymes = homonymesDe.get(nameKey(l)) ?? [];
      if (homonymes.length > 0) plan.doublons.push({ ligne: l, comptes: homonymes });
      else plan.nouveaux.push(l);
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

/** The accounts the file's lines name, and the plan made from them: one reading for both. */
async function readPlan(db: Database, etablissementId: string, fichier: EnseignantsFichier) {
  const comptes = await loadComptes(db, etablissementId, fichier);
  const { parCourriel, ici, identites } = comptes;
  return { comptes, plan: planFrom(etablissementId, fichier, parCourriel, ici, identites) };
}

export async function planEnseignants(
  db: Database,
  etablissementId: string,
  fichier: EnseignantsFichier,
): Promise<EnseignantsPlan> {
  return (await readPlan(db, etablissementId, fichier)).plan;
}

export async function applyEnseignants(
  context: UseCaseContext,
  fichier: EnseignantsFichier,
  options: { after?: (tx: Database) => Promise<void>; decisions?: DecisionsDoublons } = {},
): Promise<EnseignantsPlan> {
  const applied = await administer(context, 'import_enseignants', async (work) => {
    const { db: tx, etablissementId } = work;
    // Read once, under the establishment's lock: the plan, and each existing line's account.
    const { comptes, plan } = await readPlan(tx, etablissementId, fichier);
    if (plan.erreurs.length > 0) {
      throw new Refus(`Import refusé, rien n’a été modifié : ${plan.erreurs.join(' ')}`);
    }
    const { creer, lier } = decide(plan.doublons, options.decisions ?? new Map());
    const ids = new Map<string, string>();
    // A linked duplicate is its account, known from now on by the file's e-mail too (its own,
    // the sign-in, is kept), under the file's spelling, active again.
    if (lier.length > 0) {
      await tx.insert(autresCourriels).values(
        lier.map(({ ligne, compteId }) => ({
          courriel: ligne.courriel,
          utilisateurId: compteId,
        })),
      );
    }
    // One account of this establishment each, or the whole import is refused.
    const updateCompte = async (id: string, set: Partial<typeof utilisateurs.$inferInsert>) => {
      const [updated] = await tx
        .update(utilisateurs)
        .set(set)
        .where(and(eq(utilisateurs.id, id), eq(utilisateurs.etablissementId, etablissementId)))
        .returning({ id: utilisateurs.id });
      if (!updated) throw new Refus('Un compte a changé pendant l’import : rien n’a été modifié.');
    };
    for (const { ligne: l, compteId } of lier) {
      await updateCompte(compteId, { nom: l.nom, prenom: l.prenom, actif: true });
      ids.set(l.courriel, compteId);
    }
    const toCreate = [...plan.nouveaux, ...creer];
    if (toCreate.length > 0) {
      const created = await tx
        .insert(utilisateurs)
        .values(
          toCreate.map((l) => ({
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
    // Every other line's account is the one the plan found (by its own e-mail or a linked one).
    const idOf = (courriel: string) => ids.get(courriel) ?? comptes.parCourriel.get(courriel)!.id;
    for (const l of plan.modifies)
      await updateCompte(idOf(l.courriel), { nom: l.nom, prenom: l.prenom });
    for (const l of plan.reactives) await updateCompte(idOf(l.courriel), { actif: true });
    const links = [
      ...toCreate.filter((l) => l.identifiantEnt),
      ...lier.flatMap(({ ligne }) => (ligne.identifiantEnt ? [ligne] : [])),
      ...plan.identites,
    ];
    for (const l of links) {
      const utilisateurId = idOf(l.courriel);
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
        nouveaux: toCreate.length,
        doublonsLies: lier.length,
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
