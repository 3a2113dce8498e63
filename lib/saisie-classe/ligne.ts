// The grid's row save (POST /classes/<classeId>/saisie/ligne, JSON): one pupil's levels as the
// grid holds them, written as their draft by the same domain function as the pupil's form
// (lib/redaction/enregistrer.ts's saveLevels: the pupil's lock, the team checked in the
// transaction, the version the row was read at, the trace). JSON because the grid saves in the
// background, row by row, while the teacher types; another site cannot send it (our server
// refuses cross-site posts, lib/server/http-entry.ts, and a JSON body needs CORS's consent).
// Answers `{ resultat: 'enregistre' | 'modifie' | 'refus', … }`; a pupil outside the class or
// the team is the 403, a malformed body a 400 naming the problem — nothing written either way.
import 'server-only';
import { z } from 'zod';
import { NIVEAUX } from '@/lib/db/enums';
import { AppError } from '@/lib/http/app-error';
import { readBody } from '@/lib/http/body';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { normalizeUuid } from '@/lib/common/ids';
import { hasNul } from '@/lib/common/nul';
import type { TeacherRequest } from '@/lib/pipeline';
import { quand, saveLevels } from '@/lib/redaction/enregistrer';

const ligneSchema = z.object({
  apprenantId: z.string().max(64),
  source: z.string().max(200),
  version: z.number().int().min(0),
  niveaux: z
    .record(z.string().max(16), z.enum(NIVEAUX).nullable())
    .refine((n) => Object.keys(n).length <= 64, 'Trop de compétences.'),
});

export type LigneEnvoyee = z.infer<typeof ligneSchema>;

/** What the grid is answered. */
export type ReponseLigne =
  | { resultat: 'enregistre'; source: string; version: number; le: string; quand: string }
  | {
      resultat: 'modifie';
      message: string;
      source: string;
      version: number;
      leur: Record<string, string> | null;
    }
  | { resultat: 'refus'; message: string };

function badRequest(message: string): AppError {
  return new AppError('bad_request', message, { code: 'ligne_invalide' });
}

async function readLigne(request: Request): Promise<LigneEnvoyee> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new AppError('unsupported_media_type', 'La ligne s’envoie en JSON.', {
      code: 'format_invalide',
    });
  }
  const text = (await readBody(request, BODY_LIMITS.formulaire)).toString('utf8');
  if (hasNul(text)) throw badRequest('La ligne contient un caractère interdit.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('La ligne n’est pas du JSON lisible.');
  }
  const parsed = ligneSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`Ligne illisible (${issue?.path.join('.') || 'ligne'} : ${issue?.message}).`);
  }
  return parsed.data;
}

export async function saveLigne(
  request: Request,
  { teacher, params, db }: TeacherRequest<{ classeId: string }>,
): Promise<Response> {
  const classeId = normalizeUuid(params.classeId);
  if (!classeId) throw new AppError('not_found', 'Classe introuvable.');
  const ligne = await readLigne(request);
  const apprenantId = normalizeUuid(ligne.apprenantId);
  if (!apprenantId) throw badRequest('Identifiant d’apprenant invalide.');
  const result = await saveLevels(
    {
      db,
      etablissementId: teacher.etablissement.id,
      acteur: {
        kind: 'compte',
        utilisateurId: teacher.id,
        libelle: `${teacher.prenom} ${teacher.nom} <${teacher.email}>`,
      },
    },
    { utilisateurId: teacher.id, libelle: `${teacher.prenom} ${teacher.nom}` },
    apprenantId,
    ligne,
    { classeId },
  );
  let body: ReponseLigne;
  switch (result.kind) {
    case 'interdit':
      throw new AppError(
        'forbidden',
        'Cet apprenant n’est pas d’une classe dont vous êtes dans l’équipe pédagogique.',
        { code: 'hors_equipe' },
      );
    case 'enregistre':
      body = {
        resultat: 'enregistre',
        source: result.source,
        version: result.version,
        le: result.le.toISOString(),
        quand: quand(result.le),
      };
      break;
    case 'modifie':
      body = {
        resultat: 'modifie',
        message: result.message,
        source: result.source,
        version: result.version,
        leur: result.leur?.niveaux ?? null,
      };
      break;
    case 'refus':
      body = { resultat: 'refus', message: result.message };
      break;
    case 'valide':
      // saveLevels never validates.
      throw new Error('saveLevels answered a validation');
  }
  // `no-transform`: Next.js gzips every streamed answer, and setting up a gzip stream cost more
  // CPU than this answer of a hundred bytes saves (~2 ms a request: with a team saving at
  // once, the server's one thread is the bottleneck, bench/saisie.ts).
  return Response.json(body, {
    headers: { 'Cache-Control': 'private, no-store, no-transform' },
  });
}
