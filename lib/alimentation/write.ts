// Writes one bilan sent by a school's tool, under its `source` (issue #28): validated in
// full before anything is written (every problem named, in French), then in one transaction
// under a lock on (establishment, source), so that concurrent writes of one source never make
// two bilans. The first time creates the bilan; the same body again changes nothing; a draft
// is replaced by a new bilan (new id: no PDF or synthesis can serve its old content) and the
// old one withdrawn through retirer_brouillon(), by its source; `valide: true` validates once; a validated
// bilan never changes again (409), which the database enforces too. A statement that should
// have changed a row and changed none fails the transaction (lib/db/touched.ts).
import crypto from 'node:crypto';
import { pupilPath } from '@/lib/http/paths';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { fr } from 'zod/locales';
import type { Database } from '@/lib/db/types';
import { lockKeys, sourceKey } from '@/lib/db/advisory-locks';
import { arrayLiteral } from '@/lib/db/array-literal';
import { parseRows } from '@/lib/db/rows';
import { expectTouched } from '@/lib/db/touched';
import { pgConstraint, pgErrorCode } from '@/lib/db/errors';
import {
  bilans,
  ecrituresAlimentation,
  notes,
  pronoteJetons,
  sourcesBilans,
  utilisateurs,
} from '@/lib/db/schema';
import { parseIsoDate } from '@/lib/common/dates';
import { NUL_MESSAGE, nulPaths } from '@/lib/common/nul';
import { Lookup } from './lookup';
import { withdrawDraft } from './retrait';
import { bilanEnvoyeSchema, SOURCE_PATTERN, type BilanEnvoye, type ErreurChamp } from './schema';

export interface Ecrivain {
  etablissementId: string;
  /** The token that wrote, or null for `npm run import:bilans`. */
  jetonId: string | null;
  libelle: string;
}

export type Statut = 'cree' | 'remplace' | 'valide' | 'inchange';

/** Who wrote the version a source is at, when a teacher did (« Rédiger un bilan »). */
export interface Modification {
  /** The version the source is at now (0: no bilan under it any more). */
  version: number;
  /** « Julien LAMBERT »; null when the write API wrote it. */
  par: string | null;
  le: Date | null;
}

export type WriteResult =
  | {
      kind: 'ok';
      statut: Statut;
      id: string;
      apprenantId: string;
      valide: boolean;
      /** The source's version after this write. */
      version: number;
    }
  | { kind: 'erreurs'; erreurs: ErreurChamp[] }
  | { kind: 'conflit'; id: string }
  /** Written meanwhile by someone else: nothing written (see WriteOptions.version). */
  | { kind: 'modifie'; id: string | null; modification: Modification };

/**
 * How a write names what it was made from. The API's writes name nothing (the last one wins,
 * as ever) unless the source's current version was a teacher's: then the API must name it
 * (If-Match), so that a teacher's work is never replaced without a word. The module's forms
 * always name it (0 for a new draft).
 */
export interface WriteOptions {
  version?: number;
  /** A teacher writing in the module: on the source and in the trace, in the transaction. */
  redacteur?: { utilisateurId: string; libelle: string };
  /**
   * The source's mapping as the caller already read it under the source's lock (the module's
   * saves read it with the pupil's draft): not read again. Absent: read here.
   */
  mapping?: Mapping | null;
}

/** The bilan a source names, with what the write path needs of it. */
export interface Mapping {
  bilanId: string;
  empreinte: string;
  version: number;
  modifieLe: Date;
  /** « Julien LAMBERT » when a teacher wrote it last in the module. */
  modifiePar: string | null;
  valideLe: Date | null;
  apprenantId: string;
}

/** What a bilan is, once resolved against the establishment's data. */
export interface Resolved {
  apprenantId: string;
  referentielId: string;
  date: string;
  auteurId: string | null;
  constats: string;
  conseils: string;
  /** competence id → level, in the referential's order. */
  niveaux: [string, string][];
  notes: { libelle: string; valeur: string; coefficient: string }[];
  valide: boolean;
}

/** Marks in one order: by label, then value, then coefficient. */
export function compareNotes(
  a: { libelle: string; valeur: string | number; coefficient: string | number },
  b: { libelle: string; valeur: string | number; coefficient: string | number },
): number {
  return (
    a.libelle.localeCompare(b.libelle, 'fr') ||
    Number(a.valeur) - Number(b.valeur) ||
    Number(a.coefficient) - Number(b.coefficient)
  );
}

export function bilanUrl(apprenantId: string, bilanId: string): string {
  return pupilPath(apprenantId, { bilanId });
}

/** The fingerprint of what was sent: equal bodies (once resolved) give equal fingerprints. */
export function empreinte(r: Resolved, valide = r.valide): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ ...r, valide }))
    .digest('hex');
}

/** Problems named in one answer at most (a body with a million bad keys gets fifty). */
const MAX_ERREURS = 50;

/** The body checked in full: every field problem, then every problem against our data. */
export async function resolveBilan(
  lookup: Lookup,
  body: unknown,
): Promise<{ ok: true; value: Resolved } | { ok: false; erreurs: ErreurChamp[] }> {
  const nul = nulPaths(body);
  if (nul.length > 0) {
    return {
      ok: false,
      erreurs: nul.slice(0, MAX_ERREURS).map((champ) => ({ champ, message: NUL_MESSAGE })),
    };
  }
  const parsed = bilanEnvoyeSchema.safeParse(body, { error: fr().localeError });
  if (!parsed.success) {
    return {
      ok: false,
      erreurs: parsed.error.issues.slice(0, MAX_ERREURS).map((i) => ({
        champ: i.path.join('.') || '(corps)',
        message: i.message,
      })),
    };
  }
  const b: BilanEnvoye = parsed.data;
  const erreurs: ErreurChamp[] = [];

  const apprenantId = await lookup.apprenant(b.apprenant);
  if (!apprenantId) {
    erreurs.push({
      champ: 'apprenant',
      message: 'Aucun apprenant de l’établissement ne correspond.',
    });
  }
  const referentiel = await lookup.referentiel(b.referentiel.code);
  let niveaux: [string, string][] = [];
  if (!referentiel || referentiel.version !== b.referentiel.version) {
    erreurs.push({
      champ: 'referentiel',
      message: `Référentiel inconnu : ${b.referentiel.code} version ${b.referentiel.version}.`,
    });
  } else {
    const codes = new Set(referentiel.competences.map((k) => k.code));
    for (const k of referentiel.competences) {
      if (!Object.hasOwn(b.positionnements, k.code)) {
        erreurs.push({
          champ: `positionnements.${k.code}`,
          message: `Compétence ${k.code} manquante : chaque compétence du référentiel a un niveau (NE si non évaluée).`,
        });
      }
    }
    for (const code of Object.keys(b.positionnements)) {
      if (!codes.has(code)) {
        erreurs.push({
          champ: `positionnements.${code}`,
          message: `La compétence ${code} n’est pas du référentiel ${b.referentiel.code}.`,
        });
      }
    }
    niveaux = referentiel.competences.map((k) => [k.id, b.positionnements[k.code] ?? 'NE']);
  }
  const date = parseIsoDate(b.date);
  if (!date) erreurs.push({ champ: 'date', message: `Date impossible : ${b.date}.` });
  let auteurId: string | null = null;
  if (b.auteur !== undefined) {
    auteurId = await lookup.enseignant(b.auteur);
    if (!auteurId) {
      erreurs.push({
        champ: 'auteur',
        message: 'Aucun enseignant de l’établissement avec ce courriel.',
      });
    }
  }
  if (erreurs.length > 0 || !apprenantId || !referentiel || !date) return { ok: false, erreurs };
  return {
    ok: true,
    value: {
      apprenantId,
      referentielId: referentiel.id,
      date,
      auteurId,
      constats: b.constats,
      conseils: b.conseils,
      niveaux,
      // In one order (GET gives them back so), so that the fingerprint ignores the sender's.
      notes: b.notes
        .map((n) => ({
          libelle: n.libelle,
          valeur: n.valeur.toFixed(2),
          coefficient: n.coefficient.toFixed(2),
        }))
        .sort(compareNotes),
      valide: b.valide,
    },
  };
}

/** The source's row a new bilan gets, and the trace of a teacher's write. */
interface NewBilanRows {
  source: {
    etablissementId: string;
    source: string;
    empreinte: string;
    version: number;
    modifiePar: string | null;
  };
  /** A teacher writing in the module: the trace of writes (none for the API's own trace). */
  ecriture?: { utilisateurId: string; auteur: string; statut: Statut };
}

/**
 * Inserts the bilan, its levels, its source's row and the trace of a teacher's write in one
 * statement (data-modifying CTEs: the class's grid saves a row per pupil while a team types,
 * and a save's round trips were its cost, bench/saisie.ts); then its marks; validates it last
 * (nothing is added after).
 */
async function insertBilan(tx: Database, r: Resolved, rows: NewBilanRows): Promise<string> {
  const { source, ecriture } = rows;
  const inserted = parseRows(
    await tx.execute(sql`
      with b as (
        insert into bilans (apprenant_id, referentiel_id, auteur_id, date, constats, conseils)
        values (${r.apprenantId}, ${r.referentielId}, ${r.auteurId}, ${r.date}, ${r.constats},
                ${r.conseils})
        returning id),
      p as (
        insert into positionnements (bilan_id, competence_id, niveau)
        select b.id, l.competence_id, l.niveau::niveau
          from b, unnest(${arrayLiteral(r.niveaux.map(([id]) => id))}::uuid[],
                         ${arrayLiteral(r.niveaux.map(([, niveau]) => niveau))}::text[])
                  as l(competence_id, niveau)),
      s as (
        insert into sources_bilans (etablissement_id, source, bilan_id, empreinte, version,
                                    modifie_par)
        select ${source.etablissementId}, ${source.source}, b.id, ${source.empreinte},
               ${source.version}, ${source.modifiePar}::uuid
          from b),
      e as (
        insert into ecritures_alimentation (etablissement_id, utilisateur_id, auteur, source,
                                            bilan_id, statut)
        select ${source.etablissementId}, ${ecriture?.utilisateurId ?? null}::uuid,
               ${ecriture?.auteur ?? ''}, ${source.source}, b.id, ${ecriture?.statut ?? ''}
          from b where ${ecriture !== undefined})
      select id from b`),
    z.object({ id: z.string() }),
  );
  const id = inserted[0]!.id;
  if (r.notes.length > 0) {
    await tx.insert(notes).values(r.notes.map((n) => ({ bilanId: id, ...n })));
  }
  if (r.valide) await validate(tx, [id]);
  return id;
}

/** Validates these drafts (every one of them, or the transaction fails). */
export async function validate(tx: Database, bilanIds: string[]): Promise<void> {
  if (bilanIds.length === 0) return;
  const rows = await tx
    .update(bilans)
    .set({ valideLe: sql`now()` })
    .where(and(inArrayLiteral(bilanIds), isNull(bilans.valideLe)))
    .returning({ id: bilans.id });
  expectTouched(rows, bilanIds.length, 'Validation');
}

function inArrayLiteral(ids: string[]) {
  return sql`${bilans.id} = any(${arrayLiteral(ids)}::uuid[])`;
}

/**
 * Serialises the writes of these sources (both drivers; released at the transaction's end):
 * every write of a source — PUT, DELETE, a batch's lines, the module's forms — takes it.
 */
export async function lockSources(
  tx: Database,
  etablissementId: string,
  sources: string[],
): Promise<void> {
  await lockKeys(
    tx,
    sources.map((source) => sourceKey(etablissementId, source)),
  );
}

/** The write token's last use, shown on the administration page (none for the script). */
export async function touchToken(db: Database, jetonId: string | null): Promise<void> {
  if (!jetonId) return;
  await db
    .update(pronoteJetons)
    .set({ dernierUsageLe: sql`now()` })
    .where(eq(pronoteJetons.id, jetonId));
}

export function sourceError(source: string): ErreurChamp[] | null {
  return SOURCE_PATTERN.test(source)
    ? null
    : [
        {
          champ: 'source',
          message: 'Source invalide : 1 à 128 caractères parmi A-Z a-z 0-9 . _ : -',
        },
      ];
}

export async function writeBilan(
  db: Database,
  ecrivain: Ecrivain,
  source: string,
  body: unknown,
  options: WriteOptions = {},
  lookup: Lookup = new Lookup(db, ecrivain.etablissementId),
): Promise<WriteResult> {
  const invalid = sourceError(source);
  if (invalid) return { kind: 'erreurs', erreurs: invalid };
  const resolved = await resolveBilan(lookup, body);
  if (!resolved.ok) return { kind: 'erreurs', erreurs: resolved.erreurs };
  return writeResolved(db, ecrivain.etablissementId, source, resolved.value, options);
}

/** Writes a resolved bilan under its source, in one transaction under the source's lock. */
export async function writeResolved(
  db: Database,
  etablissementId: string,
  source: string,
  r: Resolved,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const fingerprint = empreinte(r);
  return db
    .transaction(async (tx) => {
      await lockSources(tx, etablissementId, [source]);
      return writeLocked(tx, etablissementId, source, r, fingerprint, options);
    })
    .catch((error: unknown) => {
      const bound = BOUNDS[pgConstraint(error) ?? ''];
      if (pgErrorCode(error) === '23514' && bound) {
        return { kind: 'erreurs', erreurs: [{ champ: 'apprenant', message: bound }] } as const;
      }
      throw error;
    });
}

/** The database's bounds on a pupil's bilans (drizzle/0014_bornes_bilans.sql), in words. */
const BOUNDS: Record<string, string> = {
  bilans_par_apprenant: 'Cet apprenant a déjà 100 bilans : c’est la limite, rien n’a été écrit.',
};

/**
 * The write itself, inside the caller's transaction, which holds the source's lock
 * (lockSources): the one path of every write, the API's and the module's forms'.
 */
export async function writeLocked(
  tx: Database,
  etablissementId: string,
  source: string,
  r: Resolved,
  fingerprint: string,
  options: WriteOptions,
): Promise<WriteResult> {
  const mapping =
    options.mapping !== undefined
      ? options.mapping
      : await mappedBilan(tx, etablissementId, source);
  const current = mapping?.version ?? 0;
  const modifie = (): WriteResult => ({
    kind: 'modifie',
    id: mapping?.bilanId ?? null,
    modification: {
      version: current,
      par: mapping?.modifiePar ?? null,
      le: mapping?.modifieLe ?? null,
    },
  });
  const redacteur = options.redacteur;
  const ok = (statut: Statut, id: string, apprenantId: string, version: number) =>
    ({ kind: 'ok', statut, id, apprenantId, valide: r.valide, version }) as const;
  const done = async (statut: Statut, id: string, apprenantId: string, version: number) => {
    if (redacteur) {
      await tx.insert(ecrituresAlimentation).values({
        etablissementId,
        jetonId: null,
        utilisateurId: redacteur.utilisateurId,
        auteur: redacteur.libelle,
        source,
        bilanId: id,
        statut,
      });
    }
    return ok(statut, id, apprenantId, version);
  };
  /** A new bilan under this source, at `version`: its rows and the trace in one statement. */
  const create = async (statut: Statut, version: number) => {
    const id = await insertBilan(tx, r, {
      source: {
        etablissementId,
        source,
        empreinte: fingerprint,
        version,
        modifiePar: redacteur?.utilisateurId ?? null,
      },
      ecriture: redacteur && {
        utilisateurId: redacteur.utilisateurId,
        auteur: redacteur.libelle,
        statut,
      },
    });
    return ok(statut, id, r.apprenantId, version);
  };

  if (options.version !== undefined && options.version !== current && !mapping?.valideLe) {
    return modifie();
  }
  if (!mapping) return create('cree', 1);
  if (mapping.empreinte === fingerprint) {
    return ok('inchange', mapping.bilanId, mapping.apprenantId, current);
  }
  if (mapping.valideLe) return { kind: 'conflit', id: mapping.bilanId };
  // A teacher's version is replaced only by a writer who read it.
  if (options.version === undefined && mapping.modifiePar) return modifie();
  const version = current + 1;
  // The same draft, now validated: validated in place (its id stays).
  if (r.valide && mapping.empreinte === empreinte(r, false)) {
    await validate(tx, [mapping.bilanId]);
    const rows = await tx
      .update(sourcesBilans)
      .set({
        empreinte: fingerprint,
        version,
        modifiePar: redacteur?.utilisateurId ?? null,
        modifieLe: sql`now()`,
      })
      .where(
        and(eq(sourcesBilans.etablissementId, etablissementId), eq(sourcesBilans.source, source)),
      )
      .returning({ source: sourcesBilans.source });
    expectTouched(rows, 1, 'Empreinte du brouillon validé');
    return done('valide', mapping.bilanId, mapping.apprenantId, version);
  }
  // Another content: the draft withdrawn with its mapping, a new bilan in its place.
  await withdrawDraft(tx, etablissementId, source, mapping.bilanId);
  return create('remplace', version);
}

/** The bilan a source names in this establishment, with what the write path needs of it. */
export async function mappedBilan(
  tx: Database,
  etablissementId: string,
  source: string,
): Promise<Mapping | null> {
  const [mapping] = await tx
    .select({
      bilanId: sourcesBilans.bilanId,
      empreinte: sourcesBilans.empreinte,
      version: sourcesBilans.version,
      modifieLe: sourcesBilans.modifieLe,
      modifiePar: sql<
        string | null
      >`case when ${utilisateurs.id} is null then null else ${utilisateurs.prenom} || ' ' || ${utilisateurs.nom} end`,
      valideLe: bilans.valideLe,
      apprenantId: bilans.apprenantId,
    })
    .from(sourcesBilans)
    .innerJoin(bilans, eq(bilans.id, sourcesBilans.bilanId))
    .leftJoin(utilisateurs, eq(utilisateurs.id, sourcesBilans.modifiePar))
    .where(
      and(eq(sourcesBilans.etablissementId, etablissementId), eq(sourcesBilans.source, source)),
    );
  return mapping ?? null;
}
