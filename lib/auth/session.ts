// Who is asking: `requireTeacher()` is the one gate every page, route handler and server
// action calls before reaching pupils' data; `requireAdministrateur()` that of the
// administration pages (an administrator reads no bilan, a teacher administers nothing). It reads the session cookie (next-auth/session-token.ts),
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
} from './next-auth/session-token';
import { ADMINISTRATION_PATH, HOME_PATH, REQUEST_PATH_HEADER, loginUrl } from '@/lib/http/paths';
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
export type Administrateur = SessionUser & { role: 'administrateur' };

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
  // next-auth named the cookie after how the browser reached us (next-auth/options.ts).
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

/** The signed-in user, or a redirect to /login that comes back to the requested page. */
async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const requested = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(loginUrl(requested));
  }
  return user;
}

export async function requireTeacher(): Promise<Teacher> {
  const user = await requireUser();
  if (user.role !== 'enseignant') {
    // The landing page after sign-in sends an administrator to their own pages; any page
    // with pupils' data is a 403 for them.
    if (user.role === 'administrateur' && (await headers()).get(REQUEST_PATH_HEADER) === HOME_PATH)
      redirect(ADMINISTRATION_PATH);
    forbidden();
  }
  return { ...user, role: 'enseignant' };
}

/** The gate of every administration page, route handler and script-free action. */
export async function requireAdministrateur(): Promise<Administrateur> {
  const user = await requireUser();
  if (user.role !== 'administrateur') forbidden();
  return { ...user, role: 'administrateur' };
}
