// One request pipeline for every route handler (dub's withWorkspace): who is asking — a
// teacher's or an administrator's session (lib/auth/session.ts), or an API token of one kind —,
// the establishment they act for, and one way out: whatever the handler throws becomes an
// answer here — an AppError its French page or `{ erreur, message }` JSON (as the client asked,
// or always JSON for the token APIs), a database that cannot answer its 503, anything else a
// 500 that says nothing of the error (logged without its data: lib/observability/safe-errors.ts).
// Bodies are read within their route's limit (lib/http/body.ts); the route's name for logs and
// metrics is the app's own (lib/observability/routes.ts). Pages and Server Actions have their
// own gates (requireTeacher, lib/actions/validated-action.ts).
import 'server-only';
import {
  requireAdministrateur,
  requireTeacher,
  type Administrateur,
  type Teacher,
} from '@/lib/auth/session';
import { verifyApiToken, type NatureJeton, type VerifiedApiToken } from '@/lib/auth/api-tokens';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';
import { describeError } from '@/lib/observability/safe-errors';
import { AppError, asAppError, errorResponse, jsonError } from '@/lib/http/app-error';

/** Next.js's second argument to a route handler. */
interface RouteArgs<P> {
  params: Promise<P>;
}

type RouteHandler<P> = (request: Request, args: RouteArgs<P>) => Promise<Response>;

function unexpected(error: unknown): AppError {
  console.error(`[route] ${describeError(error)}`);
  return new AppError(
    'unavailable',
    'Une erreur inattendue est survenue. Réessayez dans un instant.',
    {
      code: 'erreur_inattendue',
      title: 'Erreur inattendue',
      retryAfterSeconds: 10,
    },
  );
}

/** The handler's answer, or its error turned into one (the only way out). */
async function answer(
  request: Request,
  json: boolean,
  work: () => Promise<Response>,
): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    // Next.js's own interrupts (redirect to /login, forbidden(), notFound()) go through.
    if (isNextInterrupt(error)) throw error;
    const known = asAppError(error) ?? unexpected(error);
    return json ? jsonError(known) : errorResponse(request, known);
  }
}

function isNextInterrupt(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK)/.test(digest);
}

export interface TeacherRequest<P> {
  teacher: Teacher;
  params: P;
  db: Database;
}

/** A teacher's route: their session checked first (signed out: /login; another role: 403). */
export function withTeacher<P = Record<string, never>>(
  handler: (request: Request, context: TeacherRequest<P>) => Promise<Response>,
): RouteHandler<P> {
  return async (request, args) => {
    const teacher = await requireTeacher();
    return answer(request, false, async () =>
      handler(request, { teacher, params: await args.params, db: await getDb() }),
    );
  };
}

export interface AdministratorRequest<P> {
  administrateur: Administrateur;
  params: P;
  db: Database;
}

/** An administrator's route. */
export function withAdministrator<P = Record<string, never>>(
  handler: (request: Request, context: AdministratorRequest<P>) => Promise<Response>,
): RouteHandler<P> {
  return async (request, args) => {
    const administrateur = await requireAdministrateur();
    return answer(request, false, async () =>
      handler(request, { administrateur, params: await args.params, db: await getDb() }),
    );
  };
}

export interface TokenRequest<P> {
  jeton: VerifiedApiToken;
  params: P;
  db: Database;
}

const REALMS: Record<NatureJeton, string> = {
  pronote: 'cpro-pronote',
  alimentation: 'cpro-alimentation',
};

function bearer(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
}

/**
 * An API's route, for a token of `kind` (PRONOTE's reads, the write API's writes): a token of
 * another kind, revoked or unknown is a 401; every answer is JSON.
 */
export type TokenHandler<P = Record<string, never>> = (
  request: Request,
  context: TokenRequest<P>,
) => Promise<Response>;

export function withApiToken<P = Record<string, never>>(
  kind: NatureJeton,
  handler: TokenHandler<P>,
  /** The database (tests give theirs; the server's by default). */
  openDb: () => Promise<Database> = getDb,
): RouteHandler<P> {
  return async (request, args) =>
    answer(request, true, async () => {
      const db = await openDb();
      const jeton = await verifyApiToken(db, kind, bearer(request));
      if (!jeton) {
        throw new AppError('unauthorized', 'Jeton absent, inconnu ou révoqué.', {
          code: 'jeton_invalide',
          headers: { 'WWW-Authenticate': `Bearer realm="${REALMS[kind]}"` },
        });
      }
      return handler(request, { jeton, params: await args.params, db });
    });
}
