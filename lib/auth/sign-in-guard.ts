// The one entry of next-auth's routes (/api/auth/…). A request that next-auth would treat
// as a credentials sign-in — decided from the same route parameters next-auth reads
// (action `callback`, provider `credentials`), whatever comes after them in the path — is
// read once (sign-in-request.ts), admitted only while few sign-ins are in flight, counted
// against the module, the account and the address before any password is checked, and
// refused while any of them is locked. next-auth then receives exactly the fields that
// were counted, plus a single-use attempt id without which authorize() checks nothing
// (attempts.ts). Refusals have the shape next-auth's client expects ({ url }).
import 'server-only';
import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError, jsonError } from '@/lib/http/app-error';
import { cameOverHttps, clientAddress } from '@/lib/http/client-address';
import { authOptionsFor } from './options';
import { signInAttempts } from './attempts';
import { ATTEMPT_FIELD, InvalidSignInRequest, readSignInRequest } from './sign-in-request';
import { registerAttempt, registerGlobalAttempt, throttleKeys } from './throttle';
import { secureCookies } from './session-token';

export interface AuthRouteContext {
  params: Promise<{ nextauth: string[] }>;
}

export const TOO_MANY_ATTEMPTS = 'TropDeTentatives';

/** Sign-ins being checked at once in this process; beyond, 429 (hashes queue on one thread). */
const MAX_SIGN_INS_IN_FLIGHT = 16;
let signInsInFlight = 0;

/** The error as JSON, with the `url` next-auth's client follows (/login?error=<code>). */
function refusal(request: Request, error: AppError): Response {
  const url = new URL('/login', request.url);
  url.searchParams.set('error', error.details.code ?? error.kind);
  return jsonError(error, { url: url.toString() });
}

function lockMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60
    ? `Trop de tentatives de connexion. Réessayez dans ${seconds} seconde(s).`
    : `Trop de tentatives de connexion. Réessayez dans ${minutes} minute(s).`;
}

async function signIn(request: NextRequest, context: AuthRouteContext, secure: boolean) {
  let submitted;
  try {
    submitted = await readSignInRequest(request);
  } catch (error) {
    if (!(error instanceof InvalidSignInRequest)) throw error;
    return refusal(
      request,
      new AppError('bad_request', error.message, { code: 'RequeteInvalide' }),
    );
  }
  const keys = throttleKeys(submitted.email, clientAddress(request.headers));
  try {
    const db = await getDb();
    const verdict = await registerAttempt(db, keys);
    const global = verdict.allowed ? await registerGlobalAttempt(db) : verdict;
    if (!global.allowed) {
      return refusal(
        request,
        new AppError('too_many_requests', lockMessage(global.retryAfterSeconds), {
          code: TOO_MANY_ATTEMPTS,
          retryAfterSeconds: global.retryAfterSeconds,
        }),
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
    );
  }
  const body = new URLSearchParams(submitted.fields);
  body.set(ATTEMPT_FIELD, signInAttempts().issue(submitted.email, keys));
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  const counted = new NextRequest(request.url, { method: 'POST', headers, body });
  return NextAuth(counted, context, authOptionsFor(secure)) as Promise<Response>;
}

export async function handleAuthRequest(
  request: NextRequest,
  context: AuthRouteContext,
): Promise<Response> {
  const secure = secureCookies() || cameOverHttps(request.headers);
  const [action, provider] = (await context.params).nextauth ?? [];
  if (request.method !== 'POST' || action !== 'callback' || provider !== 'credentials') {
    return NextAuth(request, context, authOptionsFor(secure)) as Promise<Response>;
  }
  if (signInsInFlight >= MAX_SIGN_INS_IN_FLIGHT) {
    return refusal(
      request,
      new AppError(
        'too_many_requests',
        'Trop de connexions en même temps. Réessayez dans quelques secondes.',
        { code: 'ConnexionsNombreuses', retryAfterSeconds: 2 },
      ),
    );
  }
  signInsInFlight++;
  try {
    return await signIn(request, context, secure);
  } finally {
    signInsInFlight--;
  }
}
