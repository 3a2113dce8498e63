// Who is asking: `requireTeacher()` is the one gate every page, route handler and server
// action calls before reaching pupils' data. It reads the session, reloads the account
// (still active, same session version), and returns the teacher with their establishment;
// signed-out visitors are sent to /login (and back afterwards), other roles get a 403.
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { findAccount } from './accounts';
import { isUuid } from '@/lib/bilans/ids';
import { getDb } from '@/lib/db/client';
import { authOptions } from './options';
import { REQUEST_PATH_HEADER, loginUrl } from './paths';
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
  role: 'enseignant' | 'vie_scolaire' | 'direction';
  etablissement: Etablissement;
}

export type Teacher = SessionUser & { role: 'enseignant' };

/** The signed-in, still valid user, or null. Cached for the request: one query per page. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!session || !isUuid(id)) return null;
  const row = await withDatabase(async () => findAccount(await getDb(), id));
  if (!row || !row.actif || row.sessionVersion !== session.user.sessionVersion) return null;
  return {
    id: row.id,
    nom: row.nom,
    prenom: row.prenom,
    email: row.email,
    role: row.role,
    etablissement: row.etablissement,
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
