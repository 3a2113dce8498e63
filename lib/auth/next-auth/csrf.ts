// next-auth's CSRF double-submit token, for forms that post to next-auth without
// JavaScript. next-auth keeps `<token>|sha256(<token><secret>)` in a cookie and expects
// `<token>` in the posted `csrfToken` field (next-auth/core/lib/csrf-token.js); a server
// component cannot set a cookie, so /login sends a browser without one through
// /login/preparation (which sets it) once, and then renders the token in the form.
import 'server-only';
import crypto from 'node:crypto';

const CSRF_COOKIE = 'next-auth.csrf-token';

/** next-auth's name: `__Host-` prefixed when its cookies are Secure (options.ts). */
export function csrfCookieName(secure: boolean): string {
  return secure ? `__Host-${CSRF_COOKIE}` : CSRF_COOKIE;
}

function hashOf(token: string, secret: string): string {
  return crypto.createHash('sha256').update(`${token}${secret}`).digest('hex');
}

/** The token of a cookie value next-auth would accept, or null. */
export function csrfTokenOf(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue || cookieValue.length > 200) return null;
  const [token, hash, extra] = cookieValue.split('|');
  if (!token || !hash || extra !== undefined || !/^[0-9a-f]{64}$/.test(token)) return null;
  const expected = Buffer.from(hashOf(token, secret));
  const given = Buffer.from(hash);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? token : null;
}

/** A fresh cookie value, as next-auth would have made it. */
export function newCsrfCookieValue(secret: string): string {
  const token = crypto.randomBytes(32).toString('hex');
  return `${token}|${hashOf(token, secret)}`;
}
