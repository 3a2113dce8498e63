// Pages and handlers run their database work through `withDatabase`: when the database
// cannot answer now, the visitor is sent to /indisponible (a French 503 with a link back)
// instead of an error page. App Router pages cannot choose their own status, hence the hop.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { REQUEST_PATH_HEADER, safeCallbackPath } from '@/lib/auth/paths';
import { isDatabaseUnavailable, UNAVAILABLE_PATH } from '@/lib/db/unavailable';
import { messagePage } from './message-page';

export function unavailableUrl(requestedPath: string | null | undefined): string {
  return `${UNAVAILABLE_PATH}?retour=${encodeURIComponent(safeCallbackPath(requestedPath))}`;
}

export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error('[db] base de données indisponible :', (error as Error).message);
    redirect(unavailableUrl((await headers()).get(REQUEST_PATH_HEADER)));
  }
}

export function unavailablePage(retour: string | null): Response {
  return messagePage(
    503,
    'Service momentanément indisponible',
    'La base de données des bilans ne répond pas pour le moment. Vos données ne sont pas perdues : réessayez dans quelques instants.',
    { 'Retry-After': '10' },
    { href: safeCallbackPath(retour), label: 'Réessayer' },
  );
}
