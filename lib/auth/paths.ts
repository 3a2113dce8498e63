// Where to send a visitor after signing in. Only our own relative paths are accepted, so
// a crafted link cannot turn the sign-in page into an open redirect.

export const REQUEST_PATH_HEADER = 'x-cpro-request-path';
export const HOME_PATH = '/bilans';

export function safeCallbackPath(candidate: string | null | undefined): string {
  if (
    !candidate ||
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.includes('\\')
  ) {
    return HOME_PATH;
  }
  if (candidate.startsWith('/login') || candidate.startsWith('/api/')) return HOME_PATH;
  return candidate.slice(0, 2000);
}

export function loginUrl(requestedPath: string | null | undefined): string {
  const target = safeCallbackPath(requestedPath);
  return target === HOME_PATH ? '/login' : `/login?callbackUrl=${encodeURIComponent(target)}`;
}
