// What « Rédiger un bilan » reads: the pupil (of the establishment), their current class and
// whether the teacher is in its team, the referential's competences, the pupil's current
// draft — one per pupil, whoever started it, the write API's included — with the source and
// version it is at, and the levels of the pupil's last validated bilan of that referential.
import 'server-only';
import { and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseRows } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import { apprenants, bilans, competences, positionnements, referentiels } from '@/lib/db/schema';
import { NIVEAUX, type Niveau } from '@/lib/db/enums';
import { compareNotes } from '@/lib/alimentation/write';
import { writableClassFrom, type CurrentClass } from '@/lib/equipes/equipes';
import type { CompetenceRef, NoteSaisie, Saisie } from './saisie';

/** A draft as stored, with the source and version a form names to save over it. */
export interface BrouillonStocke {
  bilanId: string;
  /** Its source, or `cpro:<bilanId>` for a draft no source names yet (adopted at first save). */
  source: string;
  /** Whether a source names it (else the first save maps it). */
  mappe: boolean;
  /** The fingerprint of what its source last wrote ('' when not mapped). */
  empreinte: string;
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

const draftRow = z.object({
  bilan_id: z.string(),
  referentiel_id: z.string(),
  auteur_id: z.string().nullable(),
  date: z.string(),
  constats: z.string(),
  conseils: z.string(),
  cree_le: z.coerce.date(),
  source: z.string().nullable(),
  empreinte: z.string().nullable(),
  version: z.coerce.number().nullable(),
  modifie_le: z.coerce.date().nullable(),
  modifie_par: z.string().nullable(),
  niveaux: z.record(z.string(), z.enum(NIVEAUX)).nullable(),
  notes: z
    .array(z.object({ libelle: z.string(), valeur: z.string(), coefficient: z.string() }))
    .nullable(),
});

/**
 * « The pupil's draft »: their latest bilan not validated (the write API may have sent
 * several), its source's mapping, levels and marks aggregated — one statement, on every save.
 */
function draftSelect(apprenantId: string): SQL {
  return sql`
      select b.id as bilan_id, b.referentiel_id, b.auteur_id, to_char(b.date, 'YYYY-MM-DD') as date,
             b.constats, b.conseils, b.cree_le, s.source, s.empreinte, s.version, s.modifie_le,
             case when u.id is null then null else u.prenom || ' ' || u.nom end as modifie_par,
             (select json_object_agg(k.code, p.niveau order by k.rang)
                from positionnements p join competences k on k.id = p.competence_id
               where p.bilan_id = b.id) as niveaux,
             (select json_agg(json_build_object('libelle', n.libelle, 'valeur', n.valeur::text,
                                                'coefficient', n.coefficient::text))
                from notes n where n.bilan_id = b.id) as notes
        from bilans b
        left join sources_bilans s on s.bilan_id = b.id
        left join utilisateurs u on u.id = s.modifie_par
       where b.apprenant_id = ${apprenantId} and b.valide_le is null
       order by b.date desc, b.cree_le desc
       limit 1`;
}

function toBrouillon(row: z.infer<typeof draftRow>): BrouillonStocke {
  const source = row.source ?? moduleSource(row.bilan_id);
  const noteRows: NoteSaisie[] = (row.notes ?? []).sort(compareNotes);
  return {
    bilanId: row.bilan_id,
    source,
    mappe: row.source !== null,
    empreinte: row.empreinte ?? '',
    version: row.version ?? 0,
    referentielId: row.referentiel_id,
    auteurId: row.auteur_id,
    modifiePar: row.modifie_par,
    modifieLe: row.modifie_le ?? row.cree_le,
    saisie: {
      source,
      version: row.version ?? 0,
      date: row.date,
      niveaux: row.niveaux ?? {},
      constats: row.constats,
      conseils: row.conseils,
      notes: noteRows,
    },
  };
}

/** The pupil's draft, or null. */
export async function currentDraft(
  db: Database,
  apprenantId: string,
): Promise<BrouillonStocke | null> {
  const [row] = parseRows(await db.execute(draftSelect(apprenantId)), draftRow);
  return row ? toBrouillon(row) : null;
}

// The class's columns; the draft's (all null when there is none) parsed by draftRow.
const classAndDraftRow = z.looseObject({
  classe_id: z.string(),
  classe_nom: z.string(),
  classe_annee_scolaire: z.string(),
  classe_referentiel_id: z.string(),
  bilan_id: z.string().nullable(),
});

/**
 * What every save reads once the pupil is locked, in one statement: the pupil's current class
 * if the teacher writes its bilans (writableClassOf's rule: in the team of the class the pupil
 * is enrolled in this school year, not left), and the pupil's draft. Null: not theirs to write.
 */
export async function draftInWritableClass(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  apprenantId: string,
  today: string,
): Promise<{ classe: CurrentClass; brouillon: BrouillonStocke | null } | null> {
  const [row] = parseRows(
    await db.execute(sql`
      select w.*, d.*
        from (select c.id as classe_id, c.nom as classe_nom,
                     c.annee_scolaire as classe_annee_scolaire,
                     c.referentiel_id as classe_referentiel_id
              ${writableClassFrom(etablissementId, utilisateurId, apprenantId, today)}
               limit 1) w
        left join lateral (${draftSelect(apprenantId)}) d on true`),
    classAndDraftRow,
  );
  if (!row) return null;
  const classe: CurrentClass = {
    id: row.classe_id,
    nom: row.classe_nom,
    anneeScolaire: row.classe_annee_scolaire,
    referentielId: row.classe_referentiel_id,
  };
  const draft = row.bilan_id === null ? null : draftRow.parse(row);
  return { classe, brouillon: draft ? toBrouillon(draft) : null };
}

type ReferentielComplet = {
  referentiel: { id: string; code: string; version: string; sigle: string; libelle: string };
  competences: CompetenceRef[];
};

// Referentials are national data, written by migrations and seeds, never by the module: kept
// once read (every save needs one).
const referentielCache = new Map<string, ReferentielComplet>();

/** The referential and its competences, in order. */
export async function referentielOf(
  db: Database,
  referentielId: string,
): Promise<ReferentielComplet> {
  const cached = referentielCache.get(referentielId);
  if (cached) return cached;
  const loaded = await readReferentiel(db, referentielId);
  referentielCache.set(referentielId, loaded);
  return loaded;
}

async function readReferentiel(db: Database, referentielId: string): Promise<ReferentielComplet> {
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
  const writable = await draftInWritableClass(
    db,
    etablissementId,
    utilisateurId,
    apprenantId,
    today,
  );
  if (!writable) return 'interdit';
  const { classe, brouillon } = writable;
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
