// Everything a bilan page shows, read in ONE query (a single round trip whatever the number
// of bilans) and shaped into a plain view object. The query is scoped to the teacher's
// establishment: a pupil of another establishment is simply not found.
//
// A pupil's bilans are all of theirs, whatever class or school year they were written in;
// each belongs to one referential (bac pro SN, bac pro CIEL): the table, its columns, the
// evolution and the radar use only the bilans of the shown bilan's referential. The class
// shown is the pupil's enrolment of the shown bilan's school year (else their latest).
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { rowsOf } from '@/lib/db/rows';
import type { ApprenantOption, ClasseOption } from './classes';
import { evolution, isNiveau, NIVEAU_INFOS, type Evolution, type Niveau } from './niveaux';
import { compareApprenants, compareClasses } from './tri';
import { bilanOrder } from './ordre';
import { enrolledClassId, schoolYearEnd } from './inscriptions';
import { isUuid } from '@/lib/common/ids';

export interface BilanDate {
  id: string;
  date: string;
  valide: boolean;
  /** Short name of the bilan's referential (« SN », « CIEL »). */
  referentiel: string;
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
  /** Columns of the table: the bilans of the same referential up to the one shown. */
  colonnes: BilanDate[];
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

const rawPage = z.object({
  apprenant_id: z.string(),
  nom: z.string(),
  prenom: z.string(),
  ine: z.string().nullable(),
  classe_id: z.string(),
  classe_nom: z.string(),
  annee_scolaire: z.string(),
  classe_referentiel_id: z.string(),
  etablissement_nom: z.string(),
  classes: z
    .array(z.object({ id: z.string(), nom: z.string(), anneeScolaire: z.string() }))
    .nullable(),
  apprenants: z.array(z.object({ id: z.string(), nom: z.string(), prenom: z.string() })).nullable(),
  referentiels: z.array(rawReferentiel),
  bilans: z.array(rawBilan).nullable(),
});

type RawBilan = z.infer<typeof rawBilan>;
/** One pupil as the query returns them (exported for the view builder's unit test). */
export type RawPage = z.infer<typeof rawPage>;

type Scope =
  { apprenantId: string; bilanId: string | null } | { classeId: string; apprenantIds?: string[] };

/**
 * One row per pupil in scope, with everything their bilan page shows. Reading the whole
 * class this way (for its PDF) is still a single query.
 */
async function fetchRawPages(
  db: Database,
  etablissementId: string,
  scope: Scope,
  withSelection: boolean,
): Promise<RawPage[]> {
  // Which enrolment gives the page its class: for a pupil, that of the shown bilan's school
  // year (the latest enrolment otherwise); for a class's PDF, that class.
  const enrolment =
    'apprenantId' in scope
      ? sql`select ${enrolledClassId(
          'a',
          sql`(select b.date from bilans b
                where b.apprenant_id = a.id
                  ${scope.bilanId ? sql`and b.id = ${scope.bilanId}` : sql``}
                order by ${bilanOrder('b', 'latest')} limit 1)`,
        )} as classe_id`
      : sql`select i.classe_id from inscriptions i
             where i.apprenant_id = a.id and i.classe_id = ${scope.classeId}`;
  const filter =
    'apprenantId' in scope
      ? sql`a.id = ${scope.apprenantId}`
      : sql`exists (select 1 from inscriptions i
                     where i.classe_id = ${scope.classeId} and i.apprenant_id = a.id)
             ${scope.apprenantIds ? sql`and a.id = any(${`{${scope.apprenantIds.join(',')}}`}::uuid[])` : sql``}`;
  // A class's document stops at the end of the class's school year.
  const until = 'classeId' in scope ? sql`and b.date < ${schoolYearEnd('c')}` : sql``;
  const selection = withSelection
    ? sql`(select json_agg(json_build_object('id', c2.id, 'nom', c2.nom, 'anneeScolaire', c2.annee_scolaire))
              from classes c2 where c2.etablissement_id = ${etablissementId}) as classes,
           (select json_agg(json_build_object('id', a2.id, 'nom', a2.nom, 'prenom', a2.prenom))
              from inscriptions i2 join apprenants a2 on a2.id = i2.apprenant_id
             where i2.classe_id = c.id and a2.etablissement_id = ${etablissementId}) as apprenants`
    : sql`null as classes, null as apprenants`;
  const result = await db.execute(sql`
    select a.id as apprenant_id, a.nom, a.prenom, a.ine,
           c.id as classe_id, c.nom as classe_nom, c.annee_scolaire,
           c.referentiel_id as classe_referentiel_id, e.nom as etablissement_nom,
           ${selection},
           (select json_agg(json_build_object(
                     'id', r.id, 'code', r.code, 'sigle', r.sigle, 'libelle', r.libelle,
                     'version', r.version,
                     'competences', (select json_agg(json_build_object('id', k.id, 'code', k.code,
                                              'equivalence', k.equivalence, 'libelle', k.libelle)
                                            order by k.rang)
                                       from competences k where k.referentiel_id = r.id)))
              from referentiels r
             where r.id = c.referentiel_id
                or r.id in (select b.referentiel_id from bilans b where b.apprenant_id = a.id)
           ) as referentiels,
           (select json_agg(json_build_object(
                     'id', b.id, 'date', b.date, 'constats', b.constats, 'conseils', b.conseils,
                     'valideLe', b.valide_le, 'referentielId', b.referentiel_id,
                     'notes', (select json_agg(json_build_object('libelle', n.libelle, 'valeur', n.valeur,
                                                                 'coefficient', n.coefficient)
                                               order by n.libelle)
                                 from notes n where n.bilan_id = b.id),
                     'luParPronoteLe', (select l.derniere_lecture from pronote_bilans_lus l where l.bilan_id = b.id),
                     'niveaux', (select json_object_agg(p.competence_id, p.niveau)
                                   from positionnements p where p.bilan_id = b.id))
                            order by ${bilanOrder('b')})
              from bilans b where b.apprenant_id = a.id ${until}) as bilans
      from apprenants a
      join lateral (${enrolment}) ic on true
      join classes c on c.id = ic.classe_id and c.etablissement_id = ${etablissementId}
      join etablissements e on e.id = a.etablissement_id
     where a.etablissement_id = ${etablissementId} and ${filter}
  `);
  return rowsOf<unknown>(result).map((row) => rawPage.parse(row));
}

type RawReferentiel = z.infer<typeof rawReferentiel>;

function toBilanDate(b: RawBilan, referentiels: Map<string, RawReferentiel>): BilanDate {
  return {
    id: b.id,
    date: b.date.slice(0, 10),
    valide: b.valideLe !== null,
    referentiel: referentiels.get(b.referentielId)?.sigle ?? '?',
  };
}

function niveauOf(bilan: RawBilan | undefined, competenceId: string): Niveau | null {
  const value = bilan?.niveaux?.[competenceId];
  return isNiveau(value) ? value : null;
}

/** Shapes the raw row into the page's view; null when the requested bilan is not this pupil's. */
export function buildBilanPageView(raw: RawPage, bilanId: string | null): BilanPageView | null {
  const bilans = raw.bilans ?? [];
  const index = bilanId === null ? bilans.length - 1 : bilans.findIndex((b) => b.id === bilanId);
  if (bilanId !== null && index < 0) return null;
  const shown = index >= 0 ? bilans[index] : undefined;
  const referentiels = new Map(raw.referentiels.map((r) => [r.id, r]));
  const referentiel = referentiels.get(shown?.referentielId ?? raw.classe_referentiel_id);
  if (!referentiel) throw new Error('référentiel introuvable');
  // The shown bilan's referential only: columns, evolution and radar never mix two.
  const colonnesRaw = bilans.slice(0, index + 1).filter((b) => b.referentielId === referentiel.id);
  const previous = colonnesRaw.length >= 2 ? colonnesRaw[colonnesRaw.length - 2] : undefined;
  const dateOf = (b: RawBilan) => toBilanDate(b, referentiels);

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
        }
      : null,
    colonnes: colonnesRaw.map(dateOf),
    competences,
    avecEvolution: previous !== undefined,
    radar,
  };
}

/**
 * The view of a pupil's bilan page for a teacher of `etablissementId`: the latest bilan when
 * `bilanId` is null. Null (→ 404) for a malformed id, a pupil of another establishment, or a
 * bilan that is not this pupil's.
 */
export async function getBilanPage(
  db: Database,
  etablissementId: string,
  apprenantId: string,
  bilanId: string | null = null,
  /** false for the print page: it shows no class or pupil selector, so it need not read them. */
  options: { selection: boolean } = { selection: true },
): Promise<BilanPageView | null> {
  if (!isUuid(apprenantId) || (bilanId !== null && !isUuid(bilanId)) || !isUuid(etablissementId))
    return null;
  const [raw] = await fetchRawPages(
    db,
    etablissementId,
    { apprenantId, bilanId },
    options.selection,
  );
  return raw ? buildBilanPageView(raw, bilanId) : null;
}

export interface DerniersBilansView {
  etablissementNom: string;
  classe: ClasseOption;
  /** Every pupil of the class in list order, with the view of their latest bilan. */
  apprenants: { apprenant: ApprenantOption; view: BilanPageView }[];
}

/** Each pupil's view of their latest bilan, in list order (« NOM Prénom »). */
function latestViewsInListOrder(rows: RawPage[]): DerniersBilansView['apprenants'] {
  return rows
    .map((raw) => buildBilanPageView(raw, null))
    .filter((view): view is BilanPageView => view !== null)
    .map((view) => ({ apprenant: view.apprenant, view }))
    .sort((a, b) => compareApprenants(a.apprenant, b.apprenant));
}

/**
 * The latest bilan of every pupil of a class, in one query; null (→ 404) for a malformed
 * id or a class of another establishment.
 */
export async function getDerniersBilans(
  db: Database,
  etablissementId: string,
  classeId: string,
  /** Only these pupils (one part of the class document); absent: the whole class. */
  apprenantIds?: string[],
): Promise<DerniersBilansView | null> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return null;
  if (apprenantIds && !apprenantIds.every(isUuid)) return null;
  const [rows, classe] = await Promise.all([
    apprenantIds?.length === 0
      ? []
      : fetchRawPages(db, etablissementId, { classeId, apprenantIds }, false),
    db.execute(sql`
      select c.id, c.nom, c.annee_scolaire as "anneeScolaire", e.nom as "etablissementNom"
        from classes c join etablissements e on e.id = c.etablissement_id
       where c.id = ${classeId} and c.etablissement_id = ${etablissementId}`),
  ]);
  const info = rowsOf<ClasseOption & { etablissementNom: string }>(classe)[0];
  if (!info) return null;
  return {
    etablissementNom: info.etablissementNom,
    classe: { id: info.id, nom: info.nom, anneeScolaire: info.anneeScolaire },
    apprenants: latestViewsInListOrder(rows),
  };
}

/** Each pupil's latest bilan in (a part of) the class document: what its readers are traced for. */
export function bilansOfDerniersBilans(
  view: DerniersBilansView,
): { apprenantId: string; bilanId: string }[] {
  return view.apprenants.flatMap(({ apprenant, view: page }) =>
    page.affiche ? [{ apprenantId: apprenant.id, bilanId: page.affiche.id }] : [],
  );
}

/**
 * The pupils of a class whose document has a bilan (one written by the end of the class's
 * school year), in list order: what the class document prints, a few per part. A light
 * query: no bilan content.
 */
export async function listApprenantsAvecBilan(
  db: Database,
  etablissementId: string,
  classeId: string,
): Promise<ApprenantOption[]> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return [];
  const result = await db.execute(sql`
    select a.id, a.nom, a.prenom
      from inscriptions i
      join classes c on c.id = i.classe_id and c.etablissement_id = ${etablissementId}
      join apprenants a on a.id = i.apprenant_id and a.etablissement_id = ${etablissementId}
     where i.classe_id = ${classeId}
       and exists (select 1 from bilans b where b.apprenant_id = a.id
                     and b.date < ${schoolYearEnd('c')})`);
  return rowsOf<ApprenantOption>(result).sort(compareApprenants);
}
