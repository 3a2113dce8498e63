// What an STS-Web export would change in the classes' teams, computed from the file and the
// establishment's current data without touching the database: the preview shows it, and the
// apply step computes it again inside its transaction and writes exactly that.
// An individual is the account whose STS id it is (kept after the first match), else the one
// account of the same name and first name (accents, case, hyphens ignored) not yet tied to
// another STS id. Nobody and no class is ever created: unmatched individuals and unknown
// divisions are listed. Members added by the administrator stay; members the file added
// earlier and no longer names leave the team.
import 'server-only';
import { comparableName } from '@/lib/common/names';
import type { StsFichier, StsIndividu } from './fichier';

export interface EtatEquipes {
  enseignants: {
    id: string;
    nom: string;
    prenom: string;
    actif: boolean;
    stsIndividuId: string | null;
  }[];
  /** Classes of the file's school year. */
  classes: { id: string; nom: string }[];
  /** Current members of those classes' teams. */
  membres: { classeId: string; utilisateurId: string; origine: 'sts' | 'administration' }[];
}

export interface PersonneSts {
  nom: string;
  prenom: string;
}

export interface DivisionSts {
  code: string;
  classeId: string | null;
  /** The file's teachers of the division, with the account each is matched to. */
  enseignants: (PersonneSts & { compte: PersonneSts | null })[];
  ajoutes: PersonneSts[];
  retires: PersonneSts[];
}

export interface StsPlan {
  anneeScolaire: string;
  divisions: DivisionSts[];
  /** Individuals teaching in a known division with no account here. */
  nonReconnus: PersonneSts[];
  /** Individuals whose name fits several accounts (or an account another individual took). */
  ambigus: string[];
  /** Matched to a deactivated account: not added. */
  desactives: PersonneSts[];
  /** Division codes with no class of the year (import SIECLE first). */
  divisionsInconnues: string[];
  ecritures: {
    identifiants: { utilisateurId: string; stsIndividuId: string }[];
    ajouts: { classeId: string; utilisateurId: string }[];
    retraits: { classeId: string; utilisateurId: string }[];
  };
}

const cle = (p: PersonneSts) => `${comparableName(p.nom)}|${comparableName(p.prenom)}`;
const byName = (a: PersonneSts, b: PersonneSts) =>
  a.nom.localeCompare(b.nom, 'fr') || a.prenom.localeCompare(b.prenom, 'fr');

/** Each individual teaching somewhere → its account id, and the problems met matching. */
function matchIndividuals(fichier: StsFichier, etat: EtatEquipes) {
  const enseignes = new Set(fichier.divisions.flatMap((d) => d.enseignants));
  const individus = fichier.individus.filter((i) => enseignes.has(i.id));
  const bySts = new Map(
    etat.enseignants.filter((e) => e.stsIndividuId).map((e) => [e.stsIndividuId!, e]),
  );
  const byNameKey = new Map<string, EtatEquipes['enseignants']>();
  for (const e of etat.enseignants) {
    // An account tied to an STS id is that individual only.
    if (e.stsIndividuId) continue;
    const k = cle(e);
    byNameKey.set(k, [...(byNameKey.get(k) ?? []), e]);
  }
  const compteOf = new Map<string, EtatEquipes['enseignants'][number]>();
  const claimedBy = new Map<string, StsIndividu>();
  const ambigus: string[] = [];
  const nonReconnus: PersonneSts[] = [];
  for (const i of individus) {
    const known = bySts.get(i.id);
    if (known) {
      compteOf.set(i.id, known);
      continue;
    }
    const candidates = byNameKey.get(cle(i)) ?? [];
    if (candidates.length === 0) {
      nonReconnus.push({ nom: i.nom, prenom: i.prenom });
    } else if (candidates.length > 1) {
      ambigus.push(
        `${i.nom} ${i.prenom} : ${candidates.length} comptes portent ce nom ; ajoutez-le à la main aux équipes de ses classes.`,
      );
    } else {
      const compte = candidates[0]!;
      const other = claimedBy.get(compte.id);
      if (other) {
        ambigus.push(
          `${i.nom} ${i.prenom} et ${other.nom} ${other.prenom} (STS-Web) désignent le même compte ; aucun des deux n’est rattaché.`,
        );
        compteOf.delete(other.id);
      } else {
        claimedBy.set(compte.id, i);
        compteOf.set(i.id, compte);
      }
    }
  }
  return { compteOf, ambigus, nonReconnus: nonReconnus.sort(byName) };
}

export function planSts(fichier: StsFichier, etat: EtatEquipes): StsPlan {
  const { compteOf, ambigus, nonReconnus } = matchIndividuals(fichier, etat);
  const individus = new Map(fichier.individus.map((i) => [i.id, i]));
  const classes = new Map(etat.classes.map((c) => [c.nom, c]));
  const comptes = new Map(etat.enseignants.map((e) => [e.id, e]));
  const plan: StsPlan = {
    anneeScolaire: fichier.anneeScolaire,
    divisions: [],
    nonReconnus: [],
    ambigus,
    desactives: [],
    divisionsInconnues: [],
    ecritures: { identifiants: [], ajouts: [], retraits: [] },
  };
  const w = plan.ecritures;
  for (const [stsId, compte] of compteOf) {
    if (compte.stsIndividuId !== stsId) {
      w.identifiants.push({ utilisateurId: compte.id, stsIndividuId: stsId });
    }
  }
  const desactives = new Map<string, PersonneSts>();
  for (const d of fichier.divisions) {
    const classe = classes.get(d.code);
    if (!classe) {
      if (d.enseignants.length > 0) plan.divisionsInconnues.push(d.code);
      continue;
    }
    const voulus = new Set<string>();
    const enseignants: DivisionSts['enseignants'] = [];
    for (const id of d.enseignants) {
      const individu = individus.get(id)!;
      const compte = compteOf.get(id);
      enseignants.push({
        nom: individu.nom,
        prenom: individu.prenom,
        compte: compte ? { nom: compte.nom, prenom: compte.prenom } : null,
      });
      if (!compte) continue;
      if (!compte.actif) {
        desactives.set(compte.id, { nom: compte.nom, prenom: compte.prenom });
        continue;
      }
      voulus.add(compte.id);
    }
    const membres = etat.membres.filter((m) => m.classeId === classe.id);
    const presents = new Set(membres.map((m) => m.utilisateurId));
    const ajouts = [...voulus].filter((id) => !presents.has(id));
    const retraits = membres
      .filter((m) => m.origine === 'sts' && !voulus.has(m.utilisateurId))
      .map((m) => m.utilisateurId);
    for (const utilisateurId of ajouts) w.ajouts.push({ classeId: classe.id, utilisateurId });
    for (const utilisateurId of retraits) w.retraits.push({ classeId: classe.id, utilisateurId });
    const personne = (id: string) => {
      const c = comptes.get(id)!;
      return { nom: c.nom, prenom: c.prenom };
    };
    plan.divisions.push({
      code: d.code,
      classeId: classe.id,
      enseignants: enseignants.sort(byName),
      ajoutes: ajouts.map(personne).sort(byName),
      retires: retraits.map(personne).sort(byName),
    });
  }
  // Individuals of unknown divisions only are not this module's concern.
  const taught = new Set(
    fichier.divisions.filter((d) => classes.has(d.code)).flatMap((d) => d.enseignants),
  );
  plan.nonReconnus = nonReconnus.filter((p) =>
    fichier.individus.some(
      (i) => taught.has(i.id) && i.nom === p.nom && i.prenom === p.prenom && !compteOf.has(i.id),
    ),
  );
  plan.desactives = [...desactives.values()].sort(byName);
  return plan;
}

/** Nothing to write at all: the same file applied twice. */
export function changesNothing(plan: StsPlan): boolean {
  return Object.values(plan.ecritures).every((list) => list.length === 0);
}
