// GET /login/preparation: gives the browser next-auth's CSRF cookie (csrf.ts) and sends it
// back to /login, whose form can then post to next-auth without JavaScript. The redirect
// is relative (the host the teacher used) and marks the return, so that a browser that
// refuses cookies is told so instead of going round in circles.
import 'server-only';
import { cookies } from 'next/headers';
import { getAuthSecret } from '../secret';
import { csrfCookieName, csrfTokenOf, newCsrfCookieValue } from './csrf';
import { requestUsesSecureCookies } from './session-token';
import { HOME_PATH, safeCallbackPath } from '@/lib/http/paths';
import { waitOf } from '../sign-in-messages';

export async function prepareLogin(request: Request): Promise<Response> {
  const secure = requestUsesSecureCookies(request.headers);
  const name = csrfCookieName(secure);
  const jar = await cookies();
  if (!csrfTokenOf(jar.get(name)?.value, getAuthSecret())) {
    // As next-auth sets it: the browser's session, HttpOnly, Lax, for the whole site.
    jar.set(name, newCsrfCookieValue(getAuthSecret()), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
    });
  }
  const query = new URL(request.url).searchParams;
  const callback = safeCallbackPath(query.get('callbackUrl'));
  const params = new URLSearchParams();
  if (callback !== HOME_PATH) params.set('callbackUrl', callback);
  // A refusal met on the way (an ENT sign-in in a fresh browser) is still said on /login:
  // only a code and a number pass, the words are /login's own (sign-in-messages.ts).
  const error = query.get('error');
  if (error && /^[A-Za-z]{1,40}$/.test(error)) params.set('error', error);
  const attente = waitOf(query.get('attente'));
  if (attente !== undefined) params.set('attente', String(attente));
  params.set('prepare', '1');
  return new Response(null, {
    status: 303,
    headers: { location: `/login?${params}`, 'cache-control': 'no-store' },
  });
}
