// A school's history sent at once (`POST /api/alimentation/v1/lots`, `npm run import:bilans`):
// one bilan per NDJSON line, each line atomic on its own, one result per line in line order.
// Lines are checked against data preloaded once (pupils, teachers, referentials); then new
// sources are written 500 at a time in one transaction, one statement per table (insertRows:
// one array per column), with ids drawn here — the cost of a raw INSERT plus the checks; the
// next slice is checked meanwhile. A source already written, one repeated in the same slice,
// or a slice whose transaction fails, goes line by line through the same path as PUT
// (writeResolved), so that every line still stands or falls alone.
import crypto from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import {
  bilans,
  ecrituresAlimentation,
  notes,
  positionnements,
  sourcesBilans,
} from '@/lib/db/schema';
import type { Niveau } from '@/lib/db/enums';
import { chunks } from '@/lib/common/chunks';
import { arrayLiteral } from '@/lib/db/array-literal';
import { insertRows } from '@/lib/db/insert-rows';
import { pgErrorCode } from '@/lib/db/errors';
import { logger } from '@/lib/observability/logger';
import { Lookup } from './lookup';
import { MAX_JSON_DEPTH, VALIDATED_MESSAGE, modifiedMessage, type ErreurChamp } from './schema';
import { JsonTooDeepError, parseJsonWithin } from '@/lib/common/json';
import {
  empreinte,
  lockSources,
  resolveBilan,
  sourceError,
  writeResolved,
  touchToken,
  validate,
  type Ecrivain,
  type Resolved,
} from './write';

export const MAX_LINES = 10_000;
// Bilans per transaction: one statement per table each (insertRows sends a column as one
// array, so even the 10 500 positionnements of 500 SN bilans are cheap to send); small enough
// that a teacher's page, served by the same process and database, passes between them.
// Slices of 250 left a 9-competence batch under half the raw floor (bench/alimentation.ts
// measures both sides).
const SLICE = 500;
/** Lines checked between two yields to the event loop (the checks are synchronous work). */
const LINES_PER_TURN = 20;

export interface ResultatLigne {
  ligne: number;
  source: string | null;
  statut: 'cree' | 'remplace' | 'valide' | 'inchange' | 'refuse' | 'conflit';
  id?: string;
  erreurs?: ErreurChamp[];
}

interface Pending {
  ligne: number;
  source: string;
  r: Resolved;
  empreinte: string;
}

/** Reads one line: its source and its bilan, resolved; or why it is refused. */
async function readLine(
  lookup: Lookup,
  ligne: number,
  text: string,
): Promise<Pending | ResultatLigne> {
  let value: unknown;
  try {
    value = parseJsonWithin(text, MAX_JSON_DEPTH);
  } catch (error) {
    const message = error instanceof JsonTooDeepError ? error.message : 'Ligne JSON illisible.';
    return { ligne, source: null, statut: 'refuse', erreurs: [{ champ: '(ligne)', message }] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ligne,
      source: null,
      statut: 'refuse',
      erreurs: [{ champ: '(ligne)', message: 'Un objet JSON est attendu.' }],
    };
  }
  const { source, ...body } = value as Record<string, unknown>;
  if (typeof source !== 'string') {
    return {
      ligne,
      source: null,
      statut: 'refuse',
      erreurs: [{ champ: 'source', message: 'Source manquante.' }],
    };
  }
  const invalid = sourceError(source);
  if (invalid) return { ligne, source, statut: 'refuse', erreurs: invalid };
  const resolved = await resolveBilan(lookup, body);
  if (!resolved.ok) return { ligne, source, statut: 'refuse', erreurs: resolved.erreurs };
  return { ligne, source, r: resolved.value, empreinte: empreinte(resolved.value) };
}

/**
 * Writes the new sources of a slice in one transaction; returns the lines it wrote, and
 * leaves the others (source already written) to the line-by-line path.
 */
async function writeNewSources(
  db: Database,
  etablissementId: string,
  slice: Pending[],
): Promise<{ written: Map<number, string>; existing: Pending[] }> {
  return db.transaction(async (tx) => {
    await lockSources(
      tx,
      etablissementId,
      slice.map((p) => p.source),
    );
    const known = new Set(
      (
        await tx
          .select({ source: sourcesBilans.source })
          .from(sourcesBilans)
          .where(
            and(
              eq(sourcesBilans.etablissementId, etablissementId),
              sql`${sourcesBilans.source} = any(${arrayLiteral(slice.map((p) => p.source))}::text[])`,
            ),
          )
      ).map((r) => r.source),
    );
    const fresh = slice.filter((p) => !known.has(p.source));
    const existing = slice.filter((p) => known.has(p.source));
    const ids = fresh.map(() => crypto.randomUUID());
    const written = new Map<number, string>();
    if (fresh.length === 0) return { written, existing };
    await insertRows(
      tx,
      bilans,
      ['id', 'apprenantId', 'referentielId', 'auteurId', 'date', 'constats', 'conseils'],
      fresh.map((p, i) => ({
        id: ids[i]!,
        apprenantId: p.r.apprenantId,
        referentielId: p.r.referentielId,
        auteurId: p.r.auteurId,
        date: p.r.date,
        constats: p.r.constats,
        conseils: p.r.conseils,
      })),
    );
    const levels = fresh.flatMap((p, i) =>
      p.r.niveaux.map(([competenceId, niveau]) => ({
        bilanId: ids[i]!,
        competenceId,
        niveau: niveau as Niveau,
      })),
    );
    await insertRows(tx, positionnements, ['bilanId', 'competenceId', 'niveau'], levels);
    const marks = fresh.flatMap((p, i) => p.r.notes.map((n) => ({ bilanId: ids[i]!, ...n })));
    await insertRows(tx, notes, ['bilanId', 'libelle', 'valeur', 'coefficient'], marks);
    await validate(
      tx,
      ids.filter((_, i) => fresh[i]!.r.valide),
    );
    await insertRows(
      tx,
      sourcesBilans,
      ['etablissementId', 'source', 'bilanId', 'empreinte'],
      fresh.map((p, i) => ({
        etablissementId,
        source: p.source,
        bilanId: ids[i]!,
        empreinte: p.empreinte,
      })),
    );
    fresh.forEach((p, i) => written.set(p.ligne, ids[i]!));
    return { written, existing };
  });
}

async function writeOne(db: Database, etablissementId: string, p: Pending): Promise<ResultatLigne> {
  const result = await writeResolved(db, etablissementId, p.source, p.r);
  if (result.kind === 'ok')
    return { ligne: p.ligne, source: p.source, statut: result.statut, id: result.id };
  if (result.kind === 'conflit') {
    return {
      ligne: p.ligne,
      source: p.source,
      statut: 'conflit',
      id: result.id,
      erreurs: [{ champ: '(bilan)', message: VALIDATED_MESSAGE }],
    };
  }
  if (result.kind === 'modifie') {
    // A teacher's version is never replaced by a batch line (which names no version).
    return {
      ligne: p.ligne,
      source: p.source,
      statut: 'conflit',
      id: result.id ?? undefined,
      erreurs: [{ champ: '(bilan)', message: modifiedMessage(result.modification) }],
    };
  }
  return { ligne: p.ligne, source: p.source, statut: 'refuse', erreurs: result.erreurs };
}

async function traceSlice(
  db: Database,
  ecrivain: Ecrivain,
  results: ResultatLigne[],
): Promise<void> {
  const rows = results.map((r) => ({
    etablissementId: ecrivain.etablissementId,
    jetonId: ecrivain.jetonId,
    auteur: ecrivain.libelle,
    source: (r.source ?? `(ligne ${r.ligne})`).slice(0, 128),
    bilanId: r.id ?? null,
    statut: r.statut,
  }));
  await insertRows(
    db,
    ecrituresAlimentation,
    ['etablissementId', 'jetonId', 'auteur', 'source', 'bilanId', 'statut'],
    rows,
  );
}

interface ReadSlice {
  /** Lines refused by their checks. */
  results: Map<number, ResultatLigne>;
  /** New to this slice: written together. */
  ready: Pending[];
  /** A source already seen in this slice: written after it, line by line. */
  later: Pending[];
}

/** Checks a slice's lines, yielding to the event loop every few lines. */
async function readSlice(
  lookup: Lookup,
  slice: { ligne: number; text: string }[],
): Promise<ReadSlice> {
  const read: ReadSlice = { results: new Map(), ready: [], later: [] };
  const seen = new Set<string>();
  for (const [index, { ligne, text }] of slice.entries()) {
    if (index % LINES_PER_TURN === 0) await nextTurn();
    const line = await readLine(lookup, ligne, text);
    if ('statut' in line) read.results.set(ligne, line);
    else if (seen.has(line.source)) read.later.push(line);
    else {
      seen.add(line.source);
      read.ready.push(line);
    }
  }
  return read;
}

/** The lines' results, in line order, slice after slice (an answer can stream them). */
export async function* processLot(
  db: Database,
  ecrivain: Ecrivain,
  lines: string[],
): AsyncGenerator<ResultatLigne> {
  const lookup = new Lookup(db, ecrivain.etablissementId);
  await lookup.preload();
  // A batch is a use of its token, as a single write is (once, not once per slice).
  await touchToken(db, ecrivain.jetonId);
  const numbered = lines
    .map((text, i) => ({ ligne: i + 1, text }))
    .filter((l) => l.text.trim() !== '');
  const slices = chunks(numbered, SLICE);
  let reading = readSlice(lookup, slices[0] ?? []);
  for (const [k, slice] of slices.entries()) {
    const { results, ready, later } = await reading;
    // The next slice is checked (JavaScript) while this one is written (the database's work):
    // neither waits for the other. Its failure, if any, surfaces when it is awaited.
    if (k + 1 < slices.length) {
      reading = readSlice(lookup, slices[k + 1]!);
      reading.catch(() => undefined);
    }
    let oneByOne = [...later];
    if (ready.length > 0) {
      try {
        const { written, existing } = await writeNewSources(db, ecrivain.etablissementId, ready);
        for (const p of ready) {
          const id = written.get(p.ligne);
          if (id) results.set(p.ligne, { ligne: p.ligne, source: p.source, statut: 'cree', id });
        }
        oneByOne = [...existing, ...oneByOne];
      } catch (error) {
        // Something in the slice was refused by the database: each line alone, atomic. Said
        // in the log (the SQL state only: the statement's parameters hold pupils' data), for
        // a slice that always falls back is a batch written ten times slower.
        logger().warn(
          { event: 'lot_tranche_ligne_a_ligne', code: pgErrorCode(error), lignes: ready.length },
          'Tranche refusée par la base : lignes écrites une à une',
        );
        oneByOne = [...ready, ...oneByOne];
      }
    }
    for (const p of oneByOne.sort((a, b) => a.ligne - b.ligne)) {
      try {
        results.set(p.ligne, await writeOne(db, ecrivain.etablissementId, p));
      } catch {
        results.set(p.ligne, {
          ligne: p.ligne,
          source: p.source,
          statut: 'refuse',
          erreurs: [{ champ: '(ligne)', message: 'La base de données a refusé ce bilan.' }],
        });
      }
    }
    const ordered = slice.map((l) => results.get(l.ligne)!).filter(Boolean);
    await traceSlice(db, ecrivain, ordered);
    yield* ordered;
  }
}

/** The lines of an NDJSON body, or why it is refused (too many lines). */
export function splitLines(text: string): string[] | { trop: number } {
  const lines = text.split(/\r?\n/);
  const count = lines.filter((l) => l.trim() !== '').length;
  return count > MAX_LINES ? { trop: count } : lines;
}
