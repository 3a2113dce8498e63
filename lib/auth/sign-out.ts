// POST /deconnexion: « Se déconnecter » ends this browser's session (its row in `sessions`);
// with `portee=tous`, « Se déconnecter de tous les appareils » ends every session of the
// account. A plain form (no JavaScript needed), accepted only from our own pages, answered
// by a relative 303 to /login — the host the teacher used, whatever NEXTAUTH_URL says —
// with the session cookie cleared.
import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { AppError, htmlError } from '@/lib/http/app-error';
import { withDatabase } from '@/lib/http/database-unavailable';
import { requestUsesSecureCookies, sessionCookieName } from './next-auth/session-token';
import { getSessionClaims, getSessionUser } from './session';
import { revokeAllSessions, revokeSession } from './sessions';
import { postedFromOurPages } from '@/lib/http/request-origin';

export async function signOut(request: Request): Promise<Response> {
  if (!postedFromOurPages(request.headers)) {
    return htmlError(
      new AppError('forbidden', 'La déconnexion se demande depuis les pages de CPRO.'),
    );
  }
  const form = await request.formData().catch(() => null);
  const everywhere = form?.get('portee') === 'tous';
  const secure = requestUsesSecureCookies(request.headers);
  const name = sessionCookieName(secure);
  const claims = await getSessionClaims();
  if (claims) {
    const db = await withDatabase(() => getDb());
    if (everywhere) {
      // Only a session still valid may end the others (a stolen, revoked copy may not).
      if ((await getSessionUser())?.id === claims.userId)
        await withDatabase(() => revokeAllSessions(db, claims.userId));
    } else {
      await withDatabase(() => revokeSession(db, claims.userId, claims.sessionId));
    }
  }
  (await cookies()).delete({ name, path: '/', secure });
  return new Response(null, {
    status: 303,
    headers: { location: '/login', 'cache-control': 'no-store' },
  });
}
