// Data of the 403 page: which kind of page was refused (an administration page, or one with
// pupils' data), and whether the visitor is an administrator, who gets a link to their pages.
import 'server-only';
import { headers } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { ADMINISTRATION_PATH, REQUEST_PATH_HEADER } from '@/lib/http/paths';

export interface ForbiddenPage {
  administrationPage: boolean;
  administrateur: boolean;
  /** A teacher refused a page of writing (« Rédiger un bilan », « Saisie des bilans »). */
  equipePage: boolean;
}

export async function loadForbiddenPage(): Promise<ForbiddenPage> {
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '';
  const user = await getSessionUser().catch(() => null);
  return {
    administrationPage: path === ADMINISTRATION_PATH || path.startsWith(`${ADMINISTRATION_PATH}/`),
    administrateur: user?.role === 'administrateur',
    equipePage: user?.role === 'enseignant' && /\/(rediger|saisie)(\/|\?|$)/.test(path),
  };
}
