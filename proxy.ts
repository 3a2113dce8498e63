// Runs before every page and API route: draws the request's CSP nonce (Next.js puts it on
// its scripts), sets the security headers that depend on the request (CSP, HSTS over
// https, as a trusted proxy says) and tells server components which path was asked for, so that `requireTeacher()`
// can send a signed-out visitor back there after sign-in. Access control is NOT done
// here: every page and handler checks the session itself through lib/auth.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/http/paths';
import { HSTS, newNonce, pageCsp } from '@/lib/security/csp';
import { appConfig } from '@/lib/config/env';
import { cameOverHttps } from '@/lib/http/client-address';
import { enabledWays } from '@/lib/auth/ways';

// Methods the module does not use never get here, nor paths whose percent-encoding is broken:
// our server answers them before Next.js (lib/server/http-entry.ts).
export function proxy(request: NextRequest) {
  // Print pages carry their own stricter policy (next.config.mjs).
  if (request.nextUrl.pathname.startsWith('/impression/')) return NextResponse.next();
  const nonce = newNonce();
  const config = appConfig();
  const csp = pageCsp(nonce, {
    development: config.development,
    // A sign-in form's redirect to the ENT is checked against form-action too.
    formTargets: enabledWays(config).flatMap((way) => way.formTarget ?? []),
  });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  // Which instance answered, when several run behind a load balancer (npm run test:cluster).
  const instance = appConfig().instance;
  if (instance) response.headers.set('X-Instance', instance);
  // Over https by a trusted proxy's word, never any client's (Next.js itself builds
  // `nextUrl.protocol` from X-Forwarded-Proto, whoever sent it; this server speaks http).
  if (cameOverHttps(request.headers)) {
    response.headers.set('Strict-Transport-Security', HSTS);
  }
  return response;
}

export const config = {
  // Static files need neither a nonce nor a check. Nor does the class grid's row save (a JSON
  // answer: no script to take a nonce, no sign-in to come back to; its headers are
  // next.config.mjs's): it runs for every row a team types, and the proxy was a fifth of its
  // server time (bench/saisie.ts). Next.js reads this literal at build time.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|classes/[^/]+/saisie/ligne$).*)'],
};
