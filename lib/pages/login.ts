// Data of /login: where to go after signing in, the message of a refused sign-in, and the
// CSRF token the form posts to next-auth without JavaScript (next-auth/csrf.ts). A browser without
// next-auth's CSRF cookie is sent once through /login/preparation, which sets it.
import 'server-only';
import { queryText, type SearchParams } from '@/lib/http/query';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/session';
import { safeCallbackPath, HOME_PATH } from '@/lib/http/paths';
import { csrfCookieName, csrfTokenOf } from '@/lib/auth/next-auth/csrf';
import { getAuthSecret } from '@/lib/auth/secret';
import { requestUsesSecureCookies } from '@/lib/auth/next-auth/session-token';
import { signInErrorMessage, waitOf } from '@/lib/auth/sign-in-messages';
import { enabledWays } from '@/lib/auth/ways';
import type { LoginEntry } from '@/lib/auth/ways/way';

export interface LoginPage {
  callbackUrl: string;
  /** next-auth's CSRF token for the form; null when the browser keeps no cookie. */
  csrfToken: string | null;
  error: string | null;
  /** What the page shows for each sign-in way turned on, in order (lib/auth/ways/). */
  entries: LoginEntry[];
}

/** Through /login/preparation, keeping the page asked for and the message to show. */
export function preparationPath(callbackUrl: string, error?: string, attente?: string): string {
  const query = new URLSearchParams();
  if (callbackUrl !== HOME_PATH) query.set('callbackUrl', callbackUrl);
  if (error) query.set('error', error);
  if (attente) query.set('attente', attente);
  return query.size > 0 ? `/login/preparation?${query}` : '/login/preparation';
}

export async function loadLoginPage(params: SearchParams): Promise<LoginPage> {
  const callbackUrl = safeCallbackPath(queryText(params, 'callbackUrl') ?? undefined);
  const user = await getSessionUser();
  if (user?.role === 'enseignant') redirect(callbackUrl);

  const secure = requestUsesSecureCookies(await headers());
  const cookie = (await cookies()).get(csrfCookieName(secure))?.value;
  const csrfToken = csrfTokenOf(cookie, getAuthSecret());
  // Sent through /login/preparation once: coming back without the cookie means it is refused.
  if (!csrfToken && queryText(params, 'prepare') !== '1') {
    redirect(
      preparationPath(
        callbackUrl,
        queryText(params, 'error') ?? undefined,
        queryText(params, 'attente') ?? undefined,
      ),
    );
  }

  // next-auth says `csrf=true` when a posted form's token no longer matched its cookie.
  const code = csrfToken
    ? queryText(params, 'csrf') === 'true'
      ? 'FormulaireExpire'
      : (queryText(params, 'error') ?? undefined)
    : 'CookiesRefuses';
  return {
    callbackUrl,
    csrfToken,
    error: signInErrorMessage(code, waitOf(queryText(params, 'attente') ?? undefined)),
    entries: enabledWays().map((way) => way.login),
  };
}
