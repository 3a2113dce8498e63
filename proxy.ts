// Runs before every page and API route: draws the request's CSP nonce (Next.js puts it on
// its scripts), sets the security headers that depend on the request (CSP, HSTS over
// https, as a trusted proxy says) and tells server components which path was asked for, so that `requireTeacher()`
// can send a signed-out visitor back there after sign-in. Access control is NOT done
// here: every page and handler checks the session itself through lib/auth.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/http/paths';
import { BASE_SECURITY_HEADERS, HSTS, newNonce, pageCsp } from '@/lib/security/csp';
import { messagePage } from '@/lib/http/message-page';
import { appConfig } from '@/lib/config/env';
import { cameOverHttps } from '@/lib/http/client-address';
import { enabledWays } from '@/lib/auth/ways';

/** A path whose percent-encoding is broken (`%zz`, a cut UTF-8 sequence) names nothing. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

// Methods the module does not use never get here: lib/server/http-entry-hook.mjs answers
// them with a 405 before Next.js.
export function proxy(request: NextRequest) {
  // Next.js would answer such a path with a 500 while decoding route parameters.
  if (hasMalformedEncoding(request.nextUrl.pathname)) {
    return messagePage(404, 'Page introuvable', 'Cette adresse ne correspond à aucune page.', {
      ...BASE_SECURITY_HEADERS,
    });
  }
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
  // Static files need neither a nonce nor a check.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
