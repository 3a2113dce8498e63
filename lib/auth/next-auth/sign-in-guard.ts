// The one entry of next-auth's routes (/api/auth/…). A request that next-auth would treat
// as a credentials sign-in — decided from the same route parameters next-auth reads
// (action `callback`, provider `credentials`), whatever comes after them in the path — is
// read once (sign-in-request.ts), admitted only while few sign-ins are in flight, refused
// uncounted when it could not sign anyone in (another site's post, no or a wrong CSRF
// token, a malformed body), then counted against the account, the address and the module
// before any password is checked (throttle.ts). next-auth receives exactly the fields that
// were counted, plus a single-use attempt id without which authorize() checks nothing
// (attempts.ts). Refusals have the shape next-auth's client expects ({ url }).
import 'server-only';
import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import pLimit from 'p-limit';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError, jsonError } from '@/lib/http/app-error';
import { clientAddress } from '@/lib/http/client-address';
import { authOptionsFor } from './options';
import { signInAttempts } from '../ways/password/attempts';
import {
  ATTEMPT_FIELD,
  InvalidSignInRequest,
  readSignInRequest,
} from '../ways/password/sign-in-request';
import { registerAttempt, throttleKeys } from '../throttle';
import { requestUsesSecureCookies } from './session-token';
import { HOME_PATH, safeCallbackPath } from '@/lib/http/paths';
import { floodMessage, lockMessage } from '../sign-in-messages';
import { csrfCookieName, csrfTokenOf } from './csrf';
import { getAuthSecret } from '../secret';
import { sentByAnotherSite } from '@/lib/http/request-origin';
import { metrics } from '@/lib/observability/registry';
import { appConfig } from '@/lib/config/env';

export interface AuthRouteContext {
  params: Promise<{ nextauth: string[] }>;
}

export const TOO_MANY_ATTEMPTS = 'TropDeTentatives';
export const FLOOD = 'ConnexionsAfflux';
export const EXPIRED_FORM = 'FormulaireExpire';
export const OTHER_SITE = 'AutreSite';

/**
 * Sign-ins being checked at once in this process (a CPU guard: hashes run on one thread);
 * beyond, 429 rather than a queue.
 */
const MAX_SIGN_INS_IN_FLIGHT = 16;
const inFlight = pLimit(MAX_SIGN_INS_IN_FLIGHT);

/**
 * Where /login shows the refusal: its code, the lock's real duration and the page the
 * teacher was going to. Relative: the browser stays on the host it used.
 */
function loginPathFor(error: AppError, callbackUrl: string | undefined): string {
  const params = new URLSearchParams({ error: error.details.code ?? error.kind });
  if (error.details.retryAfterSeconds && error.kind === 'too_many_requests') {
    params.set('attente', String(error.details.retryAfterSeconds));
  }
  const callback = safeCallbackPath(callbackUrl);
  if (callback !== HOME_PATH) params.set('callbackUrl', callback);
  return `/login?${params}`;
}

/**
 * next-auth's client (`json=true`) gets the error as JSON with the `url` it follows; a form
 * posted without JavaScript is sent back to /login (303) with the same message.
 */
function refusal(
  request: Request,
  error: AppError,
  wantsJson: boolean,
  callbackUrl?: string,
): Response {
  const path = loginPathFor(error, callbackUrl);
  if (!wantsJson) {
    const headers = new Headers({ location: path, 'cache-control': 'no-store' });
    if (error.details.retryAfterSeconds)
      headers.set('retry-after', String(error.details.retryAfterSeconds));
    return new Response(null, { status: 303, headers });
  }
  return jsonError(error, { url: new URL(path, request.url).toString() });
}

/**
 * Where a form sign-in (without JavaScript) lands, as a path on the host the teacher used:
 * next-auth answers with an absolute URL on NEXTAUTH_URL's host, which the browser refuses to
 * follow from another host (127.0.0.1 for localhost: CSP `form-action 'self'`) — sign-out
 * answers relative for the same reason. A refused password goes back to /login with the
 * page the teacher was going to kept (next-auth's own error route forgets it).
 */
function onTheHostUsed(response: Response, callbackUrl: string | undefined): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  const headers = new Headers(response.headers);
  if (/\/api\/auth\/error\?error=CredentialsSignin/.test(location)) {
    headers.set(
      'location',
      loginPathFor(new AppError('unauthorized', '', { code: 'CredentialsSignin' }), callbackUrl),
    );
    return new Response(null, { status: 303, headers });
  }
  const target = new URL(location, 'http://relatif.invalid');
  const own = appConfig().publicUrl;
  if (target.origin === 'http://relatif.invalid' || !own || target.origin !== new URL(own).origin)
    return response;
  headers.set('location', safeCallbackPath(`${target.pathname}${target.search}`));
  return new Response(null, { status: response.status, headers });
}

async function signIn(request: NextRequest, context: AuthRouteContext, secure: boolean) {
  let submitted;
  try {
    submitted = await readSignInRequest(request);
  } catch (error) {
    if (!(error instanceof InvalidSignInRequest)) throw error;
    return refusal(
      request,
      new AppError('bad_request', error.message, { code: error.code }),
      error.wantsJson,
    );
  }
  const field = (name: string) => submitted.fields.find(([key]) => key === name)?.[1];
  const callbackUrl = field('callbackUrl');
  // Refused before anything is counted: what could never have signed anyone in.
  if (sentByAnotherSite(request.headers)) {
    return refusal(
      request,
      new AppError('forbidden', 'La connexion se fait depuis la page de connexion de CPRO.', {
        code: OTHER_SITE,
      }),
      submitted.wantsJson,
      callbackUrl,
    );
  }
  const csrfCookie = request.cookies.get(csrfCookieName(secure))?.value;
  const csrfToken = csrfTokenOf(csrfCookie, getAuthSecret());
  if (!csrfToken || field('csrfToken') !== csrfToken) {
    return refusal(
      request,
      new AppError('forbidden', 'Le formulaire de connexion a expiré.', { code: EXPIRED_FORM }),
      submitted.wantsJson,
      callbackUrl,
    );
  }
  const keys = throttleKeys(submitted.email, clientAddress(request.headers));
  try {
    const verdict = await registerAttempt(await getDb(), keys);
    if (!verdict.allowed) {
      const flood = verdict.reason === 'afflux';
      metrics().signIns.inc({ outcome: flood ? 'afflux' : 'verrouille', way: 'credentials' });
      return refusal(
        request,
        new AppError(
          'too_many_requests',
          flood ? floodMessage(verdict.retryAfterSeconds) : lockMessage(verdict.retryAfterSeconds),
          {
            code: flood ? FLOOD : TOO_MANY_ATTEMPTS,
            retryAfterSeconds: verdict.retryAfterSeconds,
          },
        ),
        submitted.wantsJson,
        callbackUrl,
      );
    }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return refusal(
      request,
      new AppError('unavailable', 'Service momentanément indisponible.', {
        code: 'ServiceIndisponible',
        retryAfterSeconds: 10,
      }),
      submitted.wantsJson,
      callbackUrl,
    );
  }
  const body = new URLSearchParams(submitted.fields);
  body.set(ATTEMPT_FIELD, signInAttempts().issue(submitted.email, keys));
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  const counted = new NextRequest(request.url, { method: 'POST', headers, body });
  const response = (await NextAuth(counted, context, await authOptionsFor(secure))) as Response;
  return submitted.wantsJson ? response : onTheHostUsed(response, callbackUrl);
}

export async function handleAuthRequest(
  request: NextRequest,
  context: AuthRouteContext,
): Promise<Response> {
  const secure = requestUsesSecureCookies(request.headers);
  const [action, provider] = (await context.params).nextauth ?? [];
  if (request.method !== 'POST' || action !== 'callback' || provider !== 'credentials') {
    return NextAuth(request, context, await authOptionsFor(secure)) as Promise<Response>;
  }
  if (inFlight.activeCount + inFlight.pendingCount >= MAX_SIGN_INS_IN_FLIGHT) {
    return refusal(
      request,
      new AppError(
        'too_many_requests',
        'Trop de connexions en même temps. Réessayez dans quelques secondes.',
        { code: 'ConnexionsNombreuses', retryAfterSeconds: 2 },
      ),
      // The body is not read yet: a form posted by the browser itself is a navigation.
      request.headers.get('sec-fetch-mode') !== 'navigate',
    );
  }
  return inFlight(() => signIn(request, context, secure));
}
