// Wraps next-auth's route handler: a credentials sign-in is counted against the account
// and the address before next-auth checks the password, and refused with a 429 while
// either is locked. The answer has the shape next-auth's client expects ({ url }), so the
// form can tell « trop de tentatives » from a wrong password.
import { getDb } from '@/lib/db/client';
import { clientAddress, registerAttempt, throttleKeys } from './throttle';

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

export function guardSignIn(handler: RouteHandler): RouteHandler {
  return async (request, context) => {
    if (!isCredentialsCallback(request)) return handler(request, context);
    const keys = throttleKeys(
      await submittedEmail(request),
      clientAddress(request.headers.get('x-forwarded-for')),
    );
    const verdict = await registerAttempt(await getDb(), keys);
    if (!verdict.allowed) {
      const url = new URL('/login', request.url);
      url.searchParams.set('error', TOO_MANY_ATTEMPTS);
      return Response.json(
        {
          url: url.toString(),
          message: `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(verdict.retryAfterSeconds / 60)} minute(s).`,
        },
        {
          status: 429,
          headers: {
            'Retry-After': String(verdict.retryAfterSeconds),
            'Cache-Control': 'no-store',
          },
        },
      );
    }
    return handler(request, context);
  };
}
