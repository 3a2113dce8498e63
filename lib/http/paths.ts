// Where to send a visitor after signing in (or back from /indisponible). Only a path of
// our own origin is accepted: the candidate is parsed as a browser would parse it, against
// our origin, and anything that lands elsewhere, carries a control character or a
// backslash (which browsers drop or turn into `/`), or is not a page is replaced by the
// home page — so a crafted link cannot turn sign-in into an open redirect.

export const REQUEST_PATH_HEADER = 'x-cpro-request-path';
export const HOME_PATH = '/bilans';
export const ADMINISTRATION_PATH = '/administration';

/**
 * A pupil's page: their latest bilan, or `bilanId`; `classeId`, the class the teacher came
 * from, kept selected (`?classe=`).
 */
export function pupilPath(
  apprenantId: string,
  { bilanId = null, classeId = null }: { bilanId?: string | null; classeId?: string | null } = {},
): string {
  const path = `/bilans/${encodeURIComponent(apprenantId)}${bilanId ? `/${encodeURIComponent(bilanId)}` : ''}`;
  return classeId ? `${path}?classe=${encodeURIComponent(classeId)}` : path;
}

/** « Saisie des bilans » of a class (/classes/<classeId>/saisie). */
export function classSaisiePath(classeId: string): string {
  return `/classes/${encodeURIComponent(classeId)}/saisie`;
}

/** « Rédiger un bilan » for a pupil. */
export function redactionPath(apprenantId: string): string {
  return `/bilans/${encodeURIComponent(apprenantId)}/rediger`;
}

// An origin no request can have: relative candidates are resolved against it.
const INTERNAL_ORIGIN = 'http://cpro.invalid';
// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the backslash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;
const MAX_LENGTH = 2000;

/**
 * `candidate` as a same-origin path (path, query, fragment), or HOME_PATH. `origin` is ours,
 * for candidates given as absolute URLs (next-auth's callbackUrl); relative paths need none.
 */
export function safeCallbackPath(
  candidate: string | null | undefined,
  origin: string = INTERNAL_ORIGIN,
): string {
  if (!candidate || candidate.length > MAX_LENGTH || FORBIDDEN.test(candidate)) return HOME_PATH;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(candidate, base);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== base.origin) return HOME_PATH;
  // Only a path beginning with one slash stays a path when a browser reads it again.
  if (!candidate.startsWith('/') && !candidate.startsWith(`${base.origin}/`)) return HOME_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//')) return HOME_PATH;
  if (/^\/(login|api)(\/|\?|#|$)/.test(path)) return HOME_PATH;
  return path;
}

export function loginUrl(requestedPath: string | null | undefined): string {
  const target = safeCallbackPath(requestedPath);
  return target === HOME_PATH ? '/login' : `/login?callbackUrl=${encodeURIComponent(target)}`;
}
