// The application's errors and their one way to HTTP. Code that cannot go on throws (or
// returns) an AppError of a small set of kinds; `htmlError` turns it into the French page a
// teacher reads, `jsonError` into the `{ erreur, message }` answer of the APIs — each with
// its status, `Cache-Control: private, no-store` and, when it helps, `Retry-After`. Pages
// rendered by React use Next's notFound()/forbidden() instead (their own French pages).
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { messagePage } from './message-page';

export type AppErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'too_many_requests'
  | 'busy'
  | 'unavailable';

const STATUS: Record<AppErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  busy: 503,
  unavailable: 503,
};

const TITLE: Record<AppErrorKind, string> = {
  bad_request: 'Demande incorrecte',
  unauthorized: 'Connexion requise',
  forbidden: 'Accès refusé',
  not_found: 'Page introuvable',
  conflict: 'Modification refusée',
  payload_too_large: 'Envoi trop volumineux',
  unsupported_media_type: 'Format non pris en charge',
  unprocessable: 'Demande refusée',
  too_many_requests: 'Trop de demandes',
  busy: 'Service occupé',
  unavailable: 'Service momentanément indisponible',
};

export interface AppErrorDetails {
  /** Machine-readable code of JSON answers (`parametre_invalide`…). */
  code?: string;
  /** Heading of the HTML page; the kind's own by default. */
  title?: string;
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
  /** The way back offered by the HTML page. */
  link?: { href: string; label: string };
}

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

/** The database cannot answer now: a 503 « réessayez », not a bug. */
export function databaseUnavailableError(): AppError {
  return new AppError('unavailable', 'Service momentanément indisponible, réessayez.', {
    code: 'service_indisponible',
    retryAfterSeconds: 10,
  });
}

/** An AppError for what is known to go wrong, or null for a bug (to be rethrown). */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailableError();
  return null;
}

function headersOf(error: AppError): Record<string, string> {
  const headers: Record<string, string> = {
    'Cache-Control': 'private, no-store',
    ...error.details.headers,
  };
  if (error.details.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(error.details.retryAfterSeconds);
  }
  return headers;
}

export function htmlError(error: AppError): Response {
  return messagePage(
    error.status,
    error.details.title ?? TITLE[error.kind],
    error.message,
    headersOf(error),
    error.details.link,
  );
}

/** `{ erreur, message }` (and `extra`, e.g. next-auth's `url`). */
export function jsonError(error: AppError, extra: Record<string, unknown> = {}): Response {
  return Response.json(
    { erreur: error.details.code ?? error.kind, message: error.message, ...extra },
    { status: error.status, headers: headersOf(error) },
  );
}

/** Whether the client asked for JSON rather than a page (the PDF button's fetch does). */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
}

/** The error as the client asked: JSON `{ erreur, message }`, or the French page. */
export function errorResponse(request: Request, error: AppError): Response {
  return wantsJson(request) ? jsonError(error) : htmlError(error);
}
