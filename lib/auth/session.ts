// Who is asking: `requireTeacher()` is the one gate every page, route handler and server
// action calls before reaching pupils' data. It reads the session cookie (session-token.ts),
// reloads the account (still active, same session version, this sign-in not revoked), and returns the teacher with
// their establishment; signed-out visitors are sent to /login (and back afterwards), other
// roles get a 403.
import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { cookies, headers } from 'next/headers';
import { findAccount } from './accounts';
import type { MoyenConnexion, Role } from '@/lib/db/enums';
import { isUuid } from '@/lib/common/ids';
import { getDb } from '@/lib/db/client';
import { getAuthSecret } from './secret';
import {
  SessionTokenReader,
  requestUsesSecureCookies,
  sessionCookieName,
  type SessionClaims,
} from './session-token';
import { REQUEST_PATH_HEADER, loginUrl } from '@/lib/http/paths';
import { withDatabase } from '@/lib/http/database-unavailable';

export interface Etablissement {
  id: string;
  nom: string;
  uai: string;
}

export interface SessionUser {
  id: string;
  nom: string;
  prenom: string;
  email: string;
  role: Role;
  etablissement: Etablissement;
  /** How this session was opened: the access trace records it. */
  moyenConnexion: MoyenConnexion;
}

export type Teacher = SessionUser & { role: 'enseignant' };

let reader: SessionTokenReader | undefined;

function sessionTokens(): SessionTokenReader {
  reader ??= new SessionTokenReader(getAuthSecret());
  return reader;
}

/**
 * The claims of this request's session cookie (decoded, not yet checked against the
 * database), or null. Cached for the request.
 */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  // next-auth named the cookie after how the browser reached us (options.ts).
  const secure = requestUsesSecureCookies(await headers());
  const token = (await cookies()).get(sessionCookieName(secure))?.value;
  return sessionTokens().read(token);
});

/** The signed-in, still valid user, or null. Cached for the request: one query per page. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getSessionClaims();
  if (!session || !isUuid(session.userId) || !isUuid(session.sessionId)) return null;
  const row = await withDatabase(async () =>
    findAccount(await getDb(), session.userId, session.sessionId),
  );
  if (!row || !row.actif || !row.sessionMoyen || row.sessionVersion !== session.sessionVersion)
    return null;
  return {
    id: row.id,
    nom: row.nom,
    prenom: row.prenom,
    email: row.email,
    role: row.role,
    etablissement: row.etablissement,
    moyenConnexion: row.sessionMoyen,
  };
});

export async function requireTeacher(): Promise<Teacher> {
  const user = await getSessionUser();
  if (!user) {
    const requested = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(loginUrl(requested));
  }
  if (user.role !== 'enseignant') forbidden();
  return { ...user, role: 'enseignant' };
}
