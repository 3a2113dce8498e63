// Pages and handlers run their database work through `withDatabase`: when the database
// cannot answer now, the visitor is sent to /indisponible (a French 503 with a link back)
// instead of an error page. App Router pages cannot choose their own status, hence the hop.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { REQUEST_PATH_HEADER, safeCallbackPath } from '@/lib/http/paths';
import { isDatabaseUnavailable, UNAVAILABLE_PATH } from '@/lib/db/unavailable';
import { databaseAnswers } from '@/lib/db/health';
import { messagePage } from './message-page';
import { AppError, htmlError } from './app-error';

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

/**
 * The page /indisponible shows: a 503 while the database does not answer; once it does
 * again, a 200 with the link back (never an automatic redirect, which could loop when a
 * page keeps failing while the database answers a simple probe).
 */
export async function unavailablePage(retour: string | null): Promise<Response> {
  if (await databaseAnswers(2_000)) {
    return messagePage(
      200,
      'Service de nouveau disponible',
      'La base de données des bilans répond de nouveau.',
      {},
      { href: safeCallbackPath(retour), label: 'Revenir à la page demandée' },
    );
  }
  return htmlError(
    new AppError(
      'unavailable',
      'La base de données des bilans ne répond pas pour le moment. Vos données ne sont pas perdues : réessayez dans quelques instants.',
      { retryAfterSeconds: 10, link: { href: safeCallbackPath(retour), label: 'Réessayer' } },
    ),
  );
}
