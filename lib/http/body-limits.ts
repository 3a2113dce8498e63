// How large a request's body may be, per route: one list that our HTTP server enforces before
// Next.js (lib/server/http-entry.ts), that every handler reads its body within
// (lib/http/body.ts), that deploy/nginx.conf carries location by location (checked by
// lib/security/deploy.test.ts), and that the docs name. A body over its route's limit is a 413
// naming the limit, whatever its transfer encoding; a body is never read short without an
// error. Everything not listed is a small form (sign-in, sign-out, the administration's forms).

export interface BodyLimit {
  /** The largest body accepted, in bytes. */
  bytes: number;
  /** The limit as a teacher or an integrator reads it. */
  label: string;
  /**
   * Whether a body without a declared length (chunked) is accepted: only where a client may
   * stream (the write API). Elsewhere browsers always declare it, and a body that does not is
   * refused (411) before anything holds it in memory.
   */
  streaming: boolean;
  /** How the refusal is answered: the API's JSON, or a French page. */
  answer: 'json' | 'html';
}

const KIB = 1024;
const MIB = 1024 * KIB;
/** The multipart envelope around an uploaded file: a few hundred bytes, a margin of 64 KiB. */
const ENVELOPE = 64 * KIB;

export const BODY_LIMITS = {
  formulaire: { bytes: 64 * KIB, label: '64 Kio', streaming: false, answer: 'html' },
  bilan: { bytes: 256 * KIB, label: '256 Kio', streaming: true, answer: 'json' },
  lot: { bytes: 20 * MIB, label: '20 Mo', streaming: true, answer: 'json' },
  siecle: { bytes: 20 * MIB + ENVELOPE, label: '20 Mo', streaming: false, answer: 'html' },
  enseignants: { bytes: 1 * MIB + ENVELOPE, label: '1 Mo', streaming: false, answer: 'html' },
  sts: { bytes: 20 * MIB + ENVELOPE, label: '20 Mo', streaming: false, answer: 'html' },
  // « Saisie de la classe » without JavaScript posts the whole grid: 30 pupils × 21
  // competences ≈ 100 Kio of multipart fields.
  grille: { bytes: 512 * KIB, label: '512 Kio', streaming: false, answer: 'html' },
} as const satisfies Record<string, BodyLimit>;

export type BodyLimitName = keyof typeof BODY_LIMITS;

export interface BodyRoute {
  /** The exact paths of the route. */
  path: RegExp;
  /** One of them (the deployment's test asks nginx's locations for it). */
  example: string;
  limit: BodyLimitName;
}

/** The routes that take more (or other) than a small form. */
export const BODY_ROUTES: readonly BodyRoute[] = [
  {
    path: /^\/api\/alimentation\/v1\/bilans\/[^/]+$/,
    example: '/api/alimentation/v1/bilans/tdb:2026:1',
    limit: 'bilan',
  },
  { path: /^\/api\/alimentation\/v1\/lots$/, example: '/api/alimentation/v1/lots', limit: 'lot' },
  // The pages whose form uploads a file (a Server Action posts to its own page).
  { path: /^\/administration\/siecle$/, example: '/administration/siecle', limit: 'siecle' },
  {
    path: /^\/administration\/enseignants$/,
    example: '/administration/enseignants',
    limit: 'enseignants',
  },
  { path: /^\/administration\/sts$/, example: '/administration/sts', limit: 'sts' },
  // The class's grid, posted whole without JavaScript (its Server Actions post to the page).
  {
    path: /^\/classes\/[^/]+\/saisie$/,
    example: '/classes/6f1c2d3e-0000-4000-8000-000000000000/saisie',
    limit: 'grille',
  },
];

/** The largest body any route takes (Next.js's proxy must pass every such body whole). */
export const LARGEST_BODY_BYTES = Math.max(...Object.values(BODY_LIMITS).map((l) => l.bytes));

/** The limit of the route a request-target names (its query string ignored). */
export function bodyLimitFor(url: string): BodyLimit {
  const path = url.split('?')[0]!;
  const route = BODY_ROUTES.find((r) => r.path.test(path));
  return BODY_LIMITS[route?.limit ?? 'formulaire'];
}

/** The French sentence of a 413: the limit named. */
export function bodyTooLargeMessage(limit: BodyLimit): string {
  return `La requête dépasse ${limit.label} : rien n’a été lu ni écrit.`;
}

export const BODY_INCOMPLETE_MESSAGE =
  'La requête est arrivée incomplète (moins d’octets qu’annoncé) : rien n’a été lu ni écrit, renvoyez-la.';

export const LENGTH_REQUIRED_MESSAGE =
  'La longueur de la requête doit être annoncée (en-tête Content-Length) : rien n’a été lu.';
