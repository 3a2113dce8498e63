// What a SIECLE file would change, computed from the file and the establishment's current
// data — without touching the database: the preview shows it, and the apply step computes it
// again inside its transaction and writes exactly that. A pupil is the same person when
// their INE matches (in this establishment), else their ELEVE_ID recorded by an earlier
// import. One class per division code and school year; an exit date closes the year's
// enrolment; nothing is ever deleted.
import 'server-only';
import type { SiecleEleve, SiecleFichier } from './fichier';
import { referentielOfMef } from './mef';
import { compte } from '@/lib/common/pluriel';

export interface ReferentielConnu {
  id: string;
  code: string;
  sigle: string;
  libelle: string;
}

/** The establishment's data an import is compared with (state.ts loads it). */
export interface EtatEtablissement {
  apprenants: {
    id: string;
    nom: string;
    prenom: string;
    ine: string | null;
    siecleEleveId: string | null;
  }[];
  /** One enrolment per pupil: the one of the file's year if any, else the latest (state.ts). */
  inscriptions: {
    apprenantId: string;
    anneeScolaire: string;
    classe: string;
    sortieLe: string | null;
  }[];
  /** Classes of the file's school year, by name (= division code). */
  classes: { id: string; nom: string; referentielId: string }[];
  referentiels: ReferentielConnu[];
  /** Referentials chosen earlier, by division code. */
  choixDivisions: Map<string, string>;
}

export type OrigineReferentiel = 'classe' | 'mef' | 'choix' | 'a-choisir';

export interface DivisionPlan {
  code: string;
  mefs: string[];
  effectif: number;
  referentiel: ReferentielConnu | null;
  origine: OrigineReferentiel;
  classeId: string | null;
}

export interface PersonneLigne {
  nom: string;
  prenom: string;
  ine: string | null;
  division: string | null;
}

export interface ImportPlan {
  anneeScolaire: string;
  divisions: DivisionPlan[];
  nouveaux: PersonneLigne[];
  modifies: (PersonneLigne & { avant: string })[];
  deplaces: (PersonneLigne & { de: string | null })[];
  sortis: (PersonneLigne & { dateSortie: string })[];
  inchanges: number;
  /** Pupils who left and were never known here: nothing to keep, nothing written. */
  ignores: number;
  avertissements: string[];
  /** Problems of the file or of its pupils against ours: the file must be corrected. */
  erreurs: string[];
  /** Divisions of unknown MEF whose referential the administrator must choose. */
  aChoisir: string[];
  /** What apply writes. */
  ecritures: Ecritures;
}

export interface Ecritures {
  classes: { code: string; referentielId: string }[];
  choix: { code: string; referentielId: string }[];
  creations: { cle: string; nom: string; prenom: string; ine: string | null; eleveId: string }[];
  miseAJour: { id: string; nom: string; prenom: string; ine: string | null; eleveId: string }[];
  /** `apprenant` is an existing id or the `cle` of a creation. */
  inscriptions: { apprenant: string; division: string; sortieLe: string | null }[];
  /** Enrolments of the year closed by an exit date, for a pupil without a division in the file. */
  sorties: { apprenantId: string; sortieLe: string }[];
}

/** Referentials chosen by the administrator for divisions of unknown MEF, by division code. */
export type ChoixReferentiels = Map<string, string>;

/** The referential chosen for division CODE is posted as `referentiel:CODE` (preview page). */
export const CHOIX_PREFIX = 'referentiel:';

const nomComplet = (p: { nom: string; prenom: string }) => `${p.nom} ${p.prenom}`;

function sortLines<T extends PersonneLigne>(lines: T[]): T[] {
  return lines.sort((a, b) =>
    nomComplet(a).localeCompare(nomComplet(b), 'fr', { sensitivity: 'base' }),
  );
}

function planDivisions(
  fichier: SiecleFichier,
  etat: EtatEtablissement,
  choix: ChoixReferentiels,
): DivisionPlan[] {
  const byId = new Map(etat.referentiels.map((r) => [r.id, r]));
  const bySigle = new Map(etat.referentiels.map((r) => [r.sigle, r]));
  const classes = new Map(etat.classes.map((c) => [c.nom, c]));
  const groups = new Map<string, SiecleEleve[]>();
  for (const e of fichier.eleves) {
    if (!e.division || e.dateSortie) continue;
    groups.set(e.division, [...(groups.get(e.division) ?? []), e]);
  }
  // Divisions of pupils who all left still name their class (their enrolment is closed).
  for (const e of fichier.eleves) {
    if (e.division && !groups.has(e.division)) groups.set(e.division, []);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }))
    .map(([code, eleves]) => {
      const mefs = [...new Set(eleves.map((e) => e.codeMef).filter((m): m is string => !!m))];
      const classe = classes.get(code);
      const sigles = new Set(mefs.map(referentielOfMef));
      const fromMef =
        sigles.size === 1 && !sigles.has(null) ? bySigle.get([...sigles][0]!) : undefined;
      const chosen = byId.get(choix.get(code) ?? etat.choixDivisions.get(code) ?? '');
      let referentiel: ReferentielConnu | null = null;
      let origine: OrigineReferentiel = 'a-choisir';
      if (classe) {
        referentiel = byId.get(classe.referentielId) ?? null;
        origine = 'classe';
      } else if (fromMef) {
        referentiel = fromMef;
        origine = 'mef';
      } else if (chosen) {
        referentiel = chosen;
        origine = 'choix';
      }
      return {
        code,
        mefs,
        effectif: eleves.length,
        referentiel,
        origine,
        classeId: classe?.id ?? null,
      };
    });
}

export function planImport(
  fichier: SiecleFichier,
  etat: EtatEtablissement,
  choix: ChoixReferentiels = new Map(),
): ImportPlan {
  const annee = fichier.anneeScolaire;
  const divisions = planDivisions(fichier, etat, choix);
  const erreurs = [...fichier.erreurs];
  const avertissements: string[] = [];
  const byIne = new Map<string, EtatEtablissement['apprenants'][number]>();
  const byEleveId = new Map<string, EtatEtablissement['apprenants'][number]>();
  for (const a of etat.apprenants) {
    if (a.ine) byIne.set(a.ine.toUpperCase(), a);
    if (a.siecleEleveId) byEleveId.set(a.siecleEleveId, a);
  }
  const inscriptionOf = new Map(etat.inscriptions.map((i) => [i.apprenantId, i]));

  const plan: ImportPlan = {
    anneeScolaire: annee,
    divisions,
    nouveaux: [],
    modifies: [],
    deplaces: [],
    sortis: [],
    inchanges: 0,
    ignores: 0,
    avertissements,
    erreurs,
    aChoisir: divisions.filter((d) => !d.referentiel).map((d) => d.code),
    ecritures: {
      classes: [],
      choix: [],
      creations: [],
      miseAJour: [],
      inscriptions: [],
      sorties: [],
    },
  };
  const w = plan.ecritures;
  for (const d of divisions) {
    if (!d.referentiel) continue;
    if (!d.classeId) w.classes.push({ code: d.code, referentielId: d.referentiel.id });
    if (d.origine === 'choix' && etat.choixDivisions.get(d.code) !== d.referentiel.id)
      w.choix.push({ code: d.code, referentielId: d.referentiel.id });
  }

  const sansIne: string[] = [];
  const sansDivision: string[] = [];
  const claimed = new Map<string, string>();
  for (const e of fichier.eleves) {
    const ligne: PersonneLigne = {
      nom: e.nom,
      prenom: e.prenom,
      ine: e.ine,
      division: e.division,
    };
    const parIne = e.ine ? byIne.get(e.ine) : undefined;
    const parId = byEleveId.get(e.eleveId);
    if (parIne && parId && parIne.id !== parId.id) {
      erreurs.push(
        `Ligne ${e.ligne} : l’INE ${e.ine} est celui de ${nomComplet(parIne)}, mais l’ELEVE_ID ${e.eleveId} celui de ${nomComplet(parId)}.`,
      );
      continue;
    }
    const existant = parIne ?? parId;
    if (existant) {
      const other = claimed.get(existant.id);
      if (other) {
        erreurs.push(
          `Ligne ${e.ligne} : ${nomComplet(e)} et ${other} désignent le même apprenant (${nomComplet(existant)}).`,
        );
        continue;
      }
      claimed.set(existant.id, nomComplet(e));
    }
    if (!e.dateSortie) {
      if (!e.ine) sansIne.push(nomComplet(e));
      if (!e.division) sansDivision.push(nomComplet(e));
    }

    if (!existant) {
      if (e.dateSortie) {
        plan.ignores += 1;
        continue;
      }
      plan.nouveaux.push(ligne);
      w.creations.push({
        cle: e.eleveId,
        nom: e.nom,
        prenom: e.prenom,
        ine: e.ine,
        eleveId: e.eleveId,
      });
      if (e.division)
        w.inscriptions.push({ apprenant: e.eleveId, division: e.division, sortieLe: null });
      continue;
    }

    let change = false;
    const ine = e.ine ?? existant.ine;
    if (
      existant.nom !== e.nom ||
      existant.prenom !== e.prenom ||
      existant.ine !== ine ||
      existant.siecleEleveId !== e.eleveId
    ) {
      w.miseAJour.push({ id: existant.id, nom: e.nom, prenom: e.prenom, ine, eleveId: e.eleveId });
      // Recording the ELEVE_ID alone is bookkeeping, not a change the administrator reads.
      if (existant.nom !== e.nom || existant.prenom !== e.prenom || existant.ine !== ine) {
        plan.modifies.push({
          ...ligne,
          avant: `${nomComplet(existant)}${existant.ine ? ` (${existant.ine})` : ''}`,
        });
        change = true;
      }
    }
    const connue = inscriptionOf.get(existant.id);
    const actuelle = connue?.anneeScolaire === annee ? connue : undefined;
    if (e.division) {
      const sortieLe = e.dateSortie;
      if (!actuelle || actuelle.classe !== e.division || actuelle.sortieLe !== sortieLe) {
        w.inscriptions.push({ apprenant: existant.id, division: e.division, sortieLe });
      }
      if (!actuelle || actuelle.classe !== e.division) {
        const avant = connue;
        plan.deplaces.push({
          ...ligne,
          de: avant ? `${avant.classe} ${avant.anneeScolaire}` : null,
        });
        change = true;
      }
    } else if (e.dateSortie && actuelle && actuelle.sortieLe !== e.dateSortie) {
      w.sorties.push({ apprenantId: existant.id, sortieLe: e.dateSortie });
    }
    if (e.dateSortie && actuelle && actuelle.sortieLe !== e.dateSortie) {
      plan.sortis.push({ ...ligne, dateSortie: e.dateSortie });
      change = true;
    } else if (e.dateSortie && !actuelle && e.division) {
      plan.sortis.push({ ...ligne, dateSortie: e.dateSortie });
      change = true;
    }
    if (!change) plan.inchanges += 1;
  }

  if (sansIne.length > 0) {
    avertissements.push(
      `${compte(sansIne.length, 'élève sans INE, reconnu par son identifiant SIECLE', 'élèves sans INE, reconnus par leur identifiant SIECLE')} : ${sansIne.slice(0, 10).join(', ')}${sansIne.length > 10 ? '…' : ''}.`,
    );
  }
  if (sansDivision.length > 0) {
    avertissements.push(
      `${compte(sansDivision.length, 'élève', 'élèves')} sans division, dans aucune classe : ${sansDivision.slice(0, 10).join(', ')}${sansDivision.length > 10 ? '…' : ''}.`,
    );
  }
  sortLines(plan.nouveaux);
  sortLines(plan.modifies);
  sortLines(plan.deplaces);
  sortLines(plan.sortis);
  return plan;
}

/** What stops « Appliquer », in French; empty when the plan can be applied. */
export function blockingProblems(plan: ImportPlan): string[] {
  const choix =
    plan.aChoisir.length === 0
      ? []
      : [
          `Choisissez le référentiel de ${plan.aChoisir.length === 1 ? 'la division' : 'les divisions'} ${plan.aChoisir.join(', ')} (MEF inconnu).`,
        ];
  return [...plan.erreurs, ...choix];
}

/** Nothing to write at all: the same file applied twice. */
export function changesNothing(plan: ImportPlan): boolean {
  return Object.values(plan.ecritures).every((list) => list.length === 0);
}
