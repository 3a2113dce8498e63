// The view of a bilan page, and how it is shaped from the query's row (bilan-page-query.ts):
// a pure function, unit-tested without a database. Each bilan belongs to one referential
// (bac pro SN, bac pro CIEL): the table, its columns, the evolution and the radar use only
// the bilans of the shown bilan's referential. Each date says its term (« T2 ») and its
// school year and class (the banner groups them); the table shows the shown bilan's school
// year, its earlier years one link away.
import { z } from 'zod';
import type { ApprenantOption, ClasseOption } from './classes';
import { evolution, isNiveau, NIVEAU_INFOS, type Evolution, type Niveau } from './niveaux';
import { compareApprenants, compareClasses } from './tri';
import { apprenantRow, classeRow } from './rows';
import { periodeContenant, periodeOuverte, periodeOf } from '@/lib/common/periodes';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';

export interface BilanDate {
  id: string;
  date: string;
  valide: boolean;
  /** Short name of the bilan's referential (« SN », « CIEL »). */
  referentiel: string;
  /** Its term in the establishment's periods (« T2 »), or null. */
  periode: string | null;
  /** Its school year (« 2025-2026 ») and the pupil's class that year, if known. */
  anneeScolaire: string;
  classe: string | null;
}

/** An earlier school year of the table: its last bilan (of the shown referential). */
export interface AnneePrecedente {
  anneeScolaire: string;
  classe: string | null;
  bilanId: string;
}

export interface ReferentielInfo {
  code: string;
  /** « SN », « CIEL »: teachers read « bac pro CIEL ». */
  sigle: string;
  libelle: string;
  version: string;
}

/** A mark of the bilan, as PRONOTE reads it into the report card. */
export interface NoteBilan {
  libelle: string;
  /** Out of 20. */
  valeur: number;
  coefficient: number;
}

export interface BilanAffiche extends BilanDate {
  constats: string;
  conseils: string;
  /** Its marks (« Notes du bilan »), by label; empty when it has none. */
  notes: NoteBilan[];
  valideLe: string | null;
  /** When PRONOTE's export last read this bilan (null: never). */
  luParPronoteLe: string | null;
  /** Whether its date is in a period PRONOTE still reads (begun, not closed: « clôture »). */
  periodeOuverte: boolean;
}

export interface LigneCompetence {
  id: string;
  code: string;
  equivalence: string | null;
  libelle: string;
  /** One level per column (null: no positionnement recorded on that bilan). */
  niveaux: (Niveau | null)[];
  evolution: Evolution;
}

export interface RadarSerie {
  id: string;
  label: string;
  /**
   * By competence code: the level's value (− = 1 … ++ = 4); null for « NE » (not evaluated:
   * no measure, never drawn as 0); absent when the competence was not positioned.
   */
  valeurs: Record<string, number | null>;
}

export interface BilanPageView {
  etablissementNom: string;
  apprenant: ApprenantOption & { ine: string | null };
  classe: ClasseOption;
  classes: ClasseOption[];
  apprenants: ApprenantOption[];
  precedentId: string | null;
  suivantId: string | null;
  /** The referential of the shown bilan (of the class when the pupil has none). */
  referentiel: ReferentielInfo;
  /** All the pupil's bilans, oldest first, whatever their referential. */
  bilans: BilanDate[];
  /** The bilan shown (the latest by default), or null when the pupil has none. */
  affiche: BilanAffiche | null;
  /**
   * Columns of the table: the bilans of the same referential and school year, up to the one
   * shown; the earlier years' are `anneesPrecedentes`, one link each.
   */
  colonnes: BilanDate[];
  anneesPrecedentes: AnneePrecedente[];
  competences: LigneCompetence[];
  /** Whether there is a bilan before the shown one to compare with (the « Évolution » column). */
  avecEvolution: boolean;
  /** Shown bilan and the one before it (oldest first); null when the pupil has fewer than two bilans. */
  radar: RadarSerie[] | null;
}

// The query's row, checked rather than asserted: raw SQL gives the single round trip
// (docs/choix-techniques.md), zod makes sure its shape is the one the view expects.
const rawBilan = z.object({
  id: z.string(),
  date: z.string(),
  constats: z.string(),
  conseils: z.string(),
  valideLe: z.string().nullable(),
  luParPronoteLe: z.string().nullable(),
  niveaux: z.record(z.string(), z.string()).nullable(),
  referentielId: z.string(),
  notes: z
    .array(
      z.object({
        libelle: z.string(),
        valeur: z.union([z.string(), z.number()]),
        coefficient: z.union([z.string(), z.number()]),
      }),
    )
    .nullable(),
});

const rawCompetence = z.object({
  id: z.string(),
  code: z.string(),
  equivalence: z.string().nullable(),
  libelle: z.string(),
});

const rawReferentiel = z.object({
  id: z.string(),
  code: z.string(),
  sigle: z.string(),
  libelle: z.string(),
  version: z.string(),
  competences: z.array(rawCompetence).nullable(),
});

export const rawPage = z.object({
  apprenant_id: z.string(),
  nom: z.string(),
  prenom: z.string(),
  ine: z.string().nullable(),
  classe_id: z.string(),
  classe_nom: z.string(),
  annee_scolaire: z.string(),
  classe_referentiel_id: z.string(),
  etablissement_nom: z.string(),
  periodes: z
    .array(
      z.object({ libelle: z.string(), debut: z.string(), fin: z.string(), cloture: z.string() }),
    )
    .nullable()
    .optional(),
  inscriptions: z
    .array(z.object({ nom: z.string(), anneeScolaire: z.string() }))
    .nullable()
    .optional(),
  classes: z.array(classeRow).nullable(),
  apprenants: z.array(apprenantRow).nullable(),
  referentiels: z.array(rawReferentiel),
  bilans: z.array(rawBilan).nullable(),
});

type RawBilan = z.infer<typeof rawBilan>;
/** One pupil as the query returns them (exported for the view builder's unit test). */
export type RawPage = z.infer<typeof rawPage>;

type RawReferentiel = z.infer<typeof rawReferentiel>;

function toBilanDate(
  b: RawBilan,
  referentiels: Map<string, RawReferentiel>,
  raw: RawPage,
): BilanDate {
  const date = b.date.slice(0, 10);
  const anneeScolaire = schoolYearOf(date);
  return {
    id: b.id,
    date,
    valide: b.valideLe !== null,
    referentiel: referentiels.get(b.referentielId)?.sigle ?? '?',
    periode: periodeOf(date, raw.periodes ?? []),
    anneeScolaire,
    classe: raw.inscriptions?.find((i) => i.anneeScolaire === anneeScolaire)?.nom ?? null,
  };
}

function niveauOf(bilan: RawBilan | undefined, competenceId: string): Niveau | null {
  const value = bilan?.niveaux?.[competenceId];
  return isNiveau(value) ? value : null;
}

/**
 * Shapes the raw row into the page's view; null when the requested bilan is not this pupil's.
 * Without a bilan asked for, the latest — of `anneeScolaire` when given (a pupil opened from
 * one of their former classes shows that year), else of all.
 */
export function buildBilanPageView(
  raw: RawPage,
  bilanId: string | null,
  anneeScolaire: string | null = null,
  /** Today (Europe/Paris): the current period, the only one PRONOTE reads. */
  today: string = todayInParis(),
): BilanPageView | null {
  const bilans = raw.bilans ?? [];
  const latestOf = (year: string) =>
    bilans.findLastIndex((b) => schoolYearOf(b.date.slice(0, 10)) === year);
  const index =
    bilanId !== null
      ? bilans.findIndex((b) => b.id === bilanId)
      : anneeScolaire !== null && latestOf(anneeScolaire) >= 0
        ? latestOf(anneeScolaire)
        : bilans.length - 1;
  if (bilanId !== null && index < 0) return null;
  const shown = index >= 0 ? bilans[index] : undefined;
  const referentiels = new Map(raw.referentiels.map((r) => [r.id, r]));
  const referentiel = referentiels.get(shown?.referentielId ?? raw.classe_referentiel_id);
  if (!referentiel) throw new Error('référentiel introuvable');
  // The shown bilan's referential only: columns, evolution and radar never mix two.
  const upToShown = bilans.slice(0, index + 1).filter((b) => b.referentielId === referentiel.id);
  const previous = upToShown.length >= 2 ? upToShown[upToShown.length - 2] : undefined;
  const dateOf = (b: RawBilan) => toBilanDate(b, referentiels, raw);
  // The table: the shown bilan's school year; each earlier year, its last bilan's link.
  const yearOf = (b: RawBilan) => schoolYearOf(b.date.slice(0, 10));
  const shownYear = shown ? yearOf(shown) : null;
  const colonnesRaw = upToShown.filter((b) => yearOf(b) === shownYear);
  const earlier = new Map<string, RawBilan>();
  for (const b of upToShown) if (yearOf(b) !== shownYear) earlier.set(yearOf(b), b);

  const apprenants = [...(raw.apprenants ?? [])].sort(compareApprenants);
  const position = apprenants.findIndex((a) => a.id === raw.apprenant_id);
  const competencesRaw = referentiel.competences ?? [];
  const competences = competencesRaw.map((k) => ({
    ...k,
    niveaux: colonnesRaw.map((b) => niveauOf(b, k.id)),
    evolution: shown
      ? evolution(niveauOf(previous, k.id), niveauOf(shown, k.id))
      : ('aucune' as const),
  }));

  // As before referentials: a radar once the pupil has two bilans (of this referential).
  const sameReferentiel = bilans.filter((b) => b.referentielId === referentiel.id);
  const radarBilans =
    sameReferentiel.length >= 2 && shown
      ? [previous, shown].filter((b): b is RawBilan => b !== undefined)
      : [];
  const radar =
    radarBilans.length > 0
      ? radarBilans.map((b) => ({
          id: b.id,
          label: dateOf(b).date,
          valeurs: Object.fromEntries(
            competencesRaw.flatMap((k) => {
              const niveau = niveauOf(b, k.id);
              if (!niveau) return [];
              return [[k.code, niveau === 'NE' ? null : NIVEAU_INFOS[niveau].valeurRadar]];
            }),
          ),
        }))
      : null;

  return {
    etablissementNom: raw.etablissement_nom,
    apprenant: { id: raw.apprenant_id, nom: raw.nom, prenom: raw.prenom, ine: raw.ine },
    classe: { id: raw.classe_id, nom: raw.classe_nom, anneeScolaire: raw.annee_scolaire },
    classes: [...(raw.classes ?? [])].sort(compareClasses),
    apprenants,
    precedentId: position > 0 ? (apprenants[position - 1]?.id ?? null) : null,
    suivantId:
      position >= 0 && position < apprenants.length - 1
        ? (apprenants[position + 1]?.id ?? null)
        : null,
    referentiel: {
      code: referentiel.code,
      sigle: referentiel.sigle,
      libelle: referentiel.libelle,
      version: referentiel.version,
    },
    bilans: bilans.map(dateOf),
    affiche: shown
      ? {
          ...dateOf(shown),
          constats: shown.constats,
          conseils: shown.conseils,
          notes: (shown.notes ?? []).map((n) => ({
            libelle: n.libelle,
            valeur: Number(n.valeur),
            coefficient: Number(n.coefficient),
          })),
          valideLe: shown.valideLe,
          luParPronoteLe: shown.luParPronoteLe ?? null,
          periodeOuverte: (() => {
            const periode = periodeContenant(raw.periodes ?? [], shown.date.slice(0, 10));
            return periode !== null && periodeOuverte(periode, today);
          })(),
        }
      : null,
    colonnes: colonnesRaw.map(dateOf),
    anneesPrecedentes: [...earlier.values()].map((b) => {
      const d = dateOf(b);
      return { anneeScolaire: d.anneeScolaire, classe: d.classe, bilanId: b.id };
    }),
    competences,
    avecEvolution: previous !== undefined,
    radar,
  };
}
