// Wraps next-auth's route handler: a credentials sign-in is counted against the account
// and the address before next-auth checks the password, and refused with a 429 while
// either is locked. The answer has the shape next-auth's client expects ({ url }), so the
// form can tell « trop de tentatives » from a wrong password.
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { registerAttempt, throttleKeys } from './throttle';

type RouteHandler = (request: Request, context: never) => Promise<Response>;

export const TOO_MANY_ATTEMPTS = 'TropDeTentatives';

function isCredentialsCallback(request: Request): boolean {
  return (
    request.method === 'POST' && new URL(request.url).pathname.endsWith('/callback/credentials')
  );
}

async function submittedEmail(request: Request): Promise<string> {
  try {
    const form = await request.clone().formData();
    const email = form.get('email');
    return typeof email === 'string' ? email : '';
  } catch {
    return '';
  }
}

function refusal(
  request: Request,
  status: number,
  error: string,
  message: string,
  retryAfterSeconds: number,
): Response {
  const url = new URL('/login', request.url);
  url.searchParams.set('error', error);
  return Response.json(
    { url: url.toString(), message },
    {
      status,
      headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
    },
  );
}

export function guardSignIn(handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    if (!isCredentialsCallback(request)) return handler(request, context);
    const keys = throttleKeys(
      await submittedEmail(request),
      request.headers.get('x-forwarded-for'),
    );
    let verdict;
    try {
      verdict = await registerAttempt(await getDb(), keys);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return refusal(
        request,
        503,
        'ServiceIndisponible',
        'Service momentanément indisponible.',
        10,
      );
    }
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return refusal(
        request,
        429,
        TOO_MANY_ATTEMPTS,
        `Trop de tentatives de connexion. Réessayez dans ${minutes} minute(s).`,
        verdict.retryAfterSeconds,
      );
    }
    return handler(request, context);
  };
}
