// Tells server components which path was asked for, so `requireTeacher()` can send a
// signed-out visitor back there after sign-in. Access control is NOT done here: every
// page and handler checks the session itself through lib/auth.
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth/paths';

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth|api/health|impression).*)'],
};
