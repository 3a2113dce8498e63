// GET /login/preparation: gives the browser next-auth's CSRF cookie (csrf.ts) and sends it
// back to /login, whose form can then post to next-auth without JavaScript. The redirect
// is relative (the host the teacher used) and marks the return, so that a browser that
// refuses cookies is told so instead of going round in circles.
import 'server-only';
import { cookies } from 'next/headers';
import { getAuthSecret } from './secret';
import { csrfCookieName, csrfTokenOf, newCsrfCookieValue } from './csrf';
import { requestUsesSecureCookies } from './session-token';
import { HOME_PATH, safeCallbackPath } from './paths';

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
  const callback = safeCallbackPath(new URL(request.url).searchParams.get('callbackUrl'));
  const params = new URLSearchParams();
  if (callback !== HOME_PATH) params.set('callbackUrl', callback);
  params.set('prepare', '1');
  return new Response(null, {
    status: 303,
    headers: { location: `/login?${params}`, 'cache-control': 'no-store' },
  });
}
