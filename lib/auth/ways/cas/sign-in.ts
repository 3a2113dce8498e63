// GET /login/cas: both legs of a CAS sign-in on the one service URL the ENT knows.
// Without a ticket, it draws a random secret, keeps it in an HttpOnly cookie and sends the
// browser to the ENT's sign-in page (`<CAS_URL>/login?service=…`) with the secret's digest
// as `etat` in the service URL. Back from the ENT with
// `ticket`, it hands the ticket to next-auth's `cas` provider (ent-cas.ts) as a credentials
// sign-in — with a CSRF token of its own making, since the browser arrives by a plain GET
// from the ENT — so that the session is issued by next-auth like every other sign-in.
import 'server-only';
import { NextRequest } from 'next/server';
import { cookies } from 'next/headers';
import NextAuth from 'next-auth';
import { appConfig } from '@/lib/config/env';
import { AppError, htmlError } from '@/lib/http/app-error';
import { authOptionsFor } from '@/lib/auth/next-auth/options';
import { casLoginUrl } from './protocol';
import {
  CAS_PROVIDER_ID,
  CAS_REFUSED,
  STATE_MAX_AGE_SECONDS,
  casServiceUrl,
  casStateCookieName,
  casStateOf,
  newCasSecret,
} from './provider';
import { csrfCookieName, csrfTokenOf, newCsrfCookieValue } from '@/lib/auth/next-auth/csrf';
import { getAuthSecret } from '@/lib/auth/secret';
import { requestUsesSecureCookies } from '@/lib/auth/next-auth/session-token';
import { HOME_PATH, safeCallbackPath } from '@/lib/http/paths';

function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

function loginWithError(code: string, callbackPath: string): Response {
  const params = new URLSearchParams({ error: code });
  if (callbackPath !== HOME_PATH) params.set('callbackUrl', callbackPath);
  return redirectTo(`/login?${params}`);
}

/** next-auth answers with absolute URLs on NEXTAUTH_URL: the browser gets the path only. */
function relativeRedirect(response: Response, publicUrl: string): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  const target = new URL(location, publicUrl);
  if (target.origin !== new URL(publicUrl).origin) return response;
  const headers = new Headers(response.headers);
  headers.set('location', target.pathname + target.search);
  headers.set('cache-control', 'no-store');
  return new Response(null, { status: 303, headers });
}

export async function casSignIn(request: NextRequest): Promise<Response> {
  const { auth, publicUrl } = appConfig();
  if (!auth.cas || !publicUrl) {
    return htmlError(
      new AppError('not_found', "La connexion par l'ENT (CAS) n'est pas configurée.", {
        link: { href: '/login', label: 'Retour à la connexion' },
      }),
    );
  }
  const params = request.nextUrl.searchParams;
  const callbackPath = safeCallbackPath(params.get('callbackUrl'));
  const secure = requestUsesSecureCookies(request.headers);
  const jar = await cookies();
  const stateCookie = casStateCookieName(secure);
  const ticket = params.get('ticket');

  if (ticket === null) {
    const secret = newCasSecret();
    jar.set(stateCookie, secret, {
      httpOnly: true,
      // Sent on the ENT's redirect back (a top-level GET navigation from another site).
      sameSite: 'lax',
      path: '/',
      secure,
      maxAge: STATE_MAX_AGE_SECONDS,
    });
    return redirectTo(
      casLoginUrl(auth.cas.url, casServiceUrl(publicUrl, casStateOf(secret), callbackPath)),
    );
  }

  // One sign-in per `etat`: this URL replayed from the history finds no cookie. (The
  // provider compares the two; the request's own Cookie header still carries it.)
  const hadState = jar.get(stateCookie) !== undefined;
  jar.delete({ name: stateCookie, path: '/', secure });
  const etat = params.get('etat');
  if (!etat || !hadState) return loginWithError(CAS_REFUSED, callbackPath);

  const secret = getAuthSecret();
  const csrfName = csrfCookieName(secure);
  let csrfCookie = jar.get(csrfName)?.value;
  let csrfToken = csrfTokenOf(csrfCookie, secret);
  if (!csrfToken) {
    csrfCookie = newCsrfCookieValue(secret);
    csrfToken = csrfTokenOf(csrfCookie, secret);
    jar.set(csrfName, csrfCookie, { httpOnly: true, sameSite: 'lax', path: '/', secure });
  }
  const body = new URLSearchParams({
    csrfToken: csrfToken ?? '',
    ticket,
    etat,
    callbackUrl: callbackPath,
  });
  const signIn = new NextRequest(new URL(`/api/auth/callback/${CAS_PROVIDER_ID}`, publicUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const response = (await NextAuth(
    signIn,
    { params: Promise.resolve({ nextauth: ['callback', CAS_PROVIDER_ID] }) },
    await authOptionsFor(secure),
  )) as Response;
  return relativeRedirect(response, publicUrl);
}
