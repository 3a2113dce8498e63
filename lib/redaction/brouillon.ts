// What « Rédiger un bilan » reads: the pupil (of the establishment), their current class and
// whether the teacher is in its team, the referential's competences, the pupil's current
// draft — one per pupil, whoever started it, the write API's included — with the source and
// version it is at, and the levels of the pupil's last validated bilan of that referential.
import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import {
  apprenants,
  bilans,
  competences,
  notes,
  positionnements,
  referentiels,
  sourcesBilans,
  utilisateurs,
} from '@/lib/db/schema';
import type { Niveau } from '@/lib/db/enums';
import { compareNotes } from '@/lib/alimentation/write';
import { writableClassOf, type CurrentClass } from '@/lib/equipes/equipes';
import type { CompetenceRef, NoteSaisie, Saisie } from './saisie';

/** A draft as stored, with the source and version a form names to save over it. */
export interface BrouillonStocke {
  bilanId: string;
  /** Its source, or `cpro:<bilanId>` for a draft no source names yet (adopted at first save). */
  source: string;
  /** Whether a source names it (else the first save maps it). */
  mappe: boolean;
  version: number;
  referentielId: string;
  auteurId: string | null;
  /** « Julien LAMBERT » when a teacher wrote its current version in the module. */
  modifiePar: string | null;
  modifieLe: Date;
  saisie: Saisie;
}

export interface Precedent {
  date: string;
  niveaux: Record<string, Niveau>;
}

export interface Redaction {
  apprenant: { id: string; nom: string; prenom: string };
  classe: CurrentClass;
  referentiel: { id: string; code: string; version: string; sigle: string; libelle: string };
  competences: CompetenceRef[];
  brouillon: BrouillonStocke | null;
  precedent: Precedent | null;
}

export type RedactionLue = Redaction | 'introuvable' | 'interdit';

/** The module's own source for a draft started in a form. */
export function moduleSource(bilanId: string): string {
  return `cpro:${bilanId}`;
}

async function levelsOf(db: Database, bilanId: string): Promise<Record<string, Niveau>> {
  const rows = await db
    .select({ code: competences.code, niveau: positionnements.niveau })
    .from(positionnements)
    .innerJoin(competences, eq(competences.id, positionnements.competenceId))
    .where(eq(positionnements.bilanId, bilanId))
    .orderBy(asc(competences.rang));
  return Object.fromEntries(rows.map((r) => [r.code, r.niveau]));
}

/** The pupil's draft (the latest, should the write API have sent several), or null. */
export async function currentDraft(
  db: Database,
  apprenantId: string,
): Promise<BrouillonStocke | null> {
  const [row] = await db
    .select({
      bilanId: bilans.id,
      referentielId: bilans.referentielId,
      auteurId: bilans.auteurId,
      date: bilans.date,
      constats: bilans.constats,
      conseils: bilans.conseils,
      creeLe: bilans.creeLe,
      source: sourcesBilans.source,
      version: sourcesBilans.version,
      modifieLe: sourcesBilans.modifieLe,
      modifiePar: sql<
        string | null
      >`case when ${utilisateurs.id} is null then null else ${utilisateurs.prenom} || ' ' || ${utilisateurs.nom} end`,
    })
    .from(bilans)
    .leftJoin(sourcesBilans, eq(sourcesBilans.bilanId, bilans.id))
    .leftJoin(utilisateurs, eq(utilisateurs.id, sourcesBilans.modifiePar))
    .where(and(eq(bilans.apprenantId, apprenantId), isNull(bilans.valideLe)))
    .orderBy(desc(bilans.date), desc(bilans.creeLe))
    .limit(1);
  if (!row) return null;
  const marks = await db
    .select({ libelle: notes.libelle, valeur: notes.valeur, coefficient: notes.coefficient })
    .from(notes)
    .where(eq(notes.bilanId, row.bilanId));
  const source = row.source ?? moduleSource(row.bilanId);
  const noteRows: NoteSaisie[] = marks.sort(compareNotes).map((n) => ({
    libelle: n.libelle,
    valeur: String(n.valeur),
    coefficient: String(n.coefficient),
  }));
  return {
    bilanId: row.bilanId,
    source,
    mappe: row.source !== null,
    version: row.version ?? 0,
    referentielId: row.referentielId,
    auteurId: row.auteurId,
    modifiePar: row.modifiePar,
    modifieLe: row.modifieLe ?? row.creeLe,
    saisie: {
      source,
      version: row.version ?? 0,
      date: row.date,
      niveaux: await levelsOf(db, row.bilanId),
      constats: row.constats,
      conseils: row.conseils,
      notes: noteRows,
    },
  };
}

/** The referential and its competences, in order. */
export async function referentielOf(db: Database, referentielId: string) {
  const [ref] = await db
    .select({
      id: referentiels.id,
      code: referentiels.code,
      version: referentiels.version,
      sigle: referentiels.sigle,
      libelle: referentiels.libelle,
    })
    .from(referentiels)
    .where(eq(referentiels.id, referentielId));
  const list = await db
    .select({ id: competences.id, code: competences.code, libelle: competences.libelle })
    .from(competences)
    .where(eq(competences.referentielId, referentielId))
    .orderBy(asc(competences.rang));
  return { referentiel: ref!, competences: list };
}

/** The pupil's last validated bilan of this referential: its date and levels. */
async function lastValidated(
  db: Database,
  apprenantId: string,
  referentielId: string,
): Promise<Precedent | null> {
  const [row] = await db
    .select({ id: bilans.id, date: bilans.date })
    .from(bilans)
    .where(
      and(
        eq(bilans.apprenantId, apprenantId),
        eq(bilans.referentielId, referentielId),
        isNotNull(bilans.valideLe),
      ),
    )
    .orderBy(desc(bilans.date), desc(bilans.valideLe))
    .limit(1);
  return row ? { date: row.date, niveaux: await levelsOf(db, row.id) } : null;
}

/**
 * What the form needs, or why there is no form: `introuvable` (no such pupil here: 404),
 * `interdit` (the teacher is not in the team of the pupil's current class: 403).
 */
export async function loadRedaction(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  apprenantId: string,
  today: string,
): Promise<RedactionLue> {
  const [apprenant] = await db
    .select({ id: apprenants.id, nom: apprenants.nom, prenom: apprenants.prenom })
    .from(apprenants)
    .where(and(eq(apprenants.id, apprenantId), eq(apprenants.etablissementId, etablissementId)));
  if (!apprenant) return 'introuvable';
  const classe = await writableClassOf(db, etablissementId, utilisateurId, apprenantId, today);
  if (!classe) return 'interdit';
  const brouillon = await currentDraft(db, apprenantId);
  const { referentiel, competences: list } = await referentielOf(
    db,
    brouillon?.referentielId ?? classe.referentielId,
  );
  return {
    apprenant,
    classe,
    referentiel,
    competences: list,
    brouillon,
    precedent: await lastValidated(db, apprenantId, referentiel.id),
  };
}
