// The write API's HTTP side (`/api/alimentation/v1/bilans/{source}`, `/lots`), behind
// withApiToken('alimentation', …) (lib/pipeline: the bearer token of the establishment,
// PRONOTE's refused, errors as JSON): the body's type and size, then the use case, each answer
// in JSON with a French message; every write — and every refusal of a valid token's request —
// is traced (ecritures_alimentation).
import 'server-only';
import type { Database } from '@/lib/db/types';
import { ecrituresAlimentation } from '@/lib/db/schema';
import type { VerifiedApiToken } from '@/lib/auth/api-tokens';
import { AppError, jsonError } from '@/lib/http/app-error';
import type { TokenHandler } from '@/lib/pipeline';
import { describeError } from '@/lib/observability/safe-errors';
import { readBody } from '@/lib/http/body';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { MAX_JSON_DEPTH, VALIDATED_MESSAGE, modifiedMessage } from './schema';
import { JsonTooDeepError, parseJsonWithin } from '@/lib/common/json';
import { bilanUrl, sourceError, touchToken, writeBilan, type Ecrivain } from './write';
import { readBilan, withdrawBilan } from './read';
import { processLot, splitLines } from './lots';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function message(
  status: number,
  erreur: string,
  text: string,
  headers: Record<string, string> = {},
) {
  return json(status, { erreur, message: text }, headers);
}

export function ecrivainOf(jeton: VerifiedApiToken): Ecrivain {
  return { etablissementId: jeton.etablissementId, jetonId: jeton.jetonId, libelle: 'api' };
}

/** One line of the write trace (and the token's last use). */
export async function traceWrite(
  db: Database,
  ecrivain: Ecrivain,
  source: string,
  bilanId: string | null,
  statut: string,
): Promise<void> {
  await db.insert(ecrituresAlimentation).values({
    etablissementId: ecrivain.etablissementId,
    jetonId: ecrivain.jetonId,
    auteur: ecrivain.libelle,
    source: source.slice(0, 128),
    bilanId,
    statut,
  });
  await touchToken(db, ecrivain.jetonId);
}

/** The body as JSON within its limit, or the 413 / 415 / 400 answer. */
export async function readJson(request: Request): Promise<{ body: unknown } | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return message(
      415,
      'type_non_pris_en_charge',
      'Le corps doit être du JSON (Content-Type: application/json).',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(request, BODY_LIMITS.bilan);
  } catch (error) {
    if (error instanceof AppError) return jsonError(error);
    throw error;
  }
  try {
    return { body: parseJsonWithin(bytes.toString('utf8'), MAX_JSON_DEPTH) };
  } catch (error) {
    if (error instanceof JsonTooDeepError) return message(400, 'json_illisible', error.message);
    return message(400, 'json_illisible', 'Le corps n’est pas un JSON lisible.');
  }
}

/** A source's version as an entity tag (`"3"`), what GET and PUT answer in `ETag`. */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` names, undefined without one; null when it names none we could
 * have answered (a weak or malformed tag, `*`): such a request replaces nothing.
 */
export function ifMatchVersion(request: Request): number | undefined | null {
  const header = request.headers.get('if-match');
  if (header === null) return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

function preconditionFailed() {
  return message(
    412,
    'if_match_invalide',
    'En-tête If-Match illisible : attendu la version lue, par exemple If-Match: "3" (en-tête ETag du GET).',
  );
}

async function put(db: Database, request: Request, ecrivain: Ecrivain, source: string) {
  const version = ifMatchVersion(request);
  if (version === null) return preconditionFailed();
  const read = await readJson(request);
  if (read instanceof Response) return read;
  const result = await writeBilan(db, ecrivain, source, read.body, { version });
  if (result.kind === 'erreurs') {
    await traceWrite(db, ecrivain, source, null, 'refuse');
    return json(422, { erreurs: result.erreurs });
  }
  if (result.kind === 'conflit') {
    await traceWrite(db, ecrivain, source, result.id, 'conflit');
    return message(409, 'bilan_valide', VALIDATED_MESSAGE);
  }
  if (result.kind === 'modifie') {
    await traceWrite(db, ecrivain, source, result.id, 'conflit');
    return message(409, 'brouillon_modifie', modifiedMessage(result.modification), {
      ETag: etag(result.modification.version),
    });
  }
  await traceWrite(db, ecrivain, source, result.id, result.statut);
  const url = bilanUrl(result.apprenantId, result.id);
  const body = { id: result.id, url, valide: result.valide, version: result.version };
  const headers = { ETag: etag(result.version) };
  return result.statut === 'cree'
    ? json(201, body, { ...headers, Location: url })
    : json(200, body, headers);
}

async function remove(db: Database, request: Request, ecrivain: Ecrivain, source: string) {
  const version = ifMatchVersion(request);
  if (version === null) return preconditionFailed();
  const withdrawn = await withdrawBilan(db, ecrivain.etablissementId, source, version);
  const { result, bilanId } = withdrawn;
  if (result === 'introuvable')
    return message(404, 'introuvable', 'Aucun bilan sous cette source.');
  if (result === 'valide') {
    await traceWrite(db, ecrivain, source, bilanId, 'conflit');
    return message(409, 'bilan_valide', VALIDATED_MESSAGE);
  }
  if (result === 'modifie') {
    await traceWrite(db, ecrivain, source, bilanId, 'conflit');
    return message(409, 'brouillon_modifie', modifiedMessage(withdrawn.modification!), {
      ETag: etag(withdrawn.modification!.version),
    });
  }
  await traceWrite(db, ecrivain, source, bilanId, 'retire');
  return new Response(null, { status: 204, headers: NO_STORE });
}

/** PUT, GET or DELETE of one bilan by its source, for the token's establishment. */
export const bilanRoute: TokenHandler<{ source: string }> = async (
  request,
  { db, jeton, params },
) => {
  const ecrivain = ecrivainOf(jeton);
  let source: string;
  try {
    source = decodeURIComponent(params.source);
  } catch {
    source = '';
  }
  const invalid = sourceError(source);
  if (invalid) {
    return request.method === 'PUT'
      ? json(422, { erreurs: invalid })
      : message(404, 'introuvable', 'Aucun bilan sous cette source.');
  }
  if (request.method === 'PUT') return await put(db, request, ecrivain, source);
  if (request.method === 'DELETE') return await remove(db, request, ecrivain, source);
  const bilan = await readBilan(db, ecrivain.etablissementId, source);
  return bilan
    ? json(200, bilan, { ETag: etag(bilan.version) })
    : message(404, 'introuvable', 'Aucun bilan sous cette source.');
};

/** `POST /api/alimentation/v1/lots`: NDJSON in, one NDJSON result per line out, streamed. */
export const lotRoute: TokenHandler = async (request, { db, jeton }) => {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(x-ndjson|jsonl)\s*(;|$)/i.test(type)) {
    return message(
      415,
      'type_non_pris_en_charge',
      'Le corps doit être du NDJSON : un bilan JSON par ligne (Content-Type: application/x-ndjson).',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(request, BODY_LIMITS.lot);
  } catch (error) {
    if (error instanceof AppError) return jsonError(error);
    throw error;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return message(400, 'encodage_invalide', 'Le lot doit être en UTF-8.');
  }
  const lines = splitLines(text);
  if (!Array.isArray(lines)) {
    return message(413, 'trop_de_lignes', `Le lot compte ${lines.trop} lignes : 10 000 au plus.`);
  }
  const ecrivain = ecrivainOf(jeton);
  const results = processLot(db, ecrivain, lines);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await results.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      } catch (error) {
        console.error(`[alimentation] lot interrompu : ${describeError(error)}`);
        controller.error(error);
      }
    },
    async cancel() {
      await results.return(undefined);
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { ...NO_STORE, 'Content-Type': 'application/x-ndjson; charset=utf-8' },
  });
};
