// The school's ENT by CAS 3.0, as next-auth's provider `cas`. CAS is no OAuth flow, so the
// provider is next-auth's Credentials kind whose credential is the service ticket the ENT
// sent back to /login/cas (cas-sign-in.ts posts it to next-auth with the browser's cookies):
// authorize() validates it with the ENT server to server and maps the CAS user to an
// existing teacher account (ent-identities.ts) — then next-auth issues its session exactly
// as for the other ways in (next-auth/options.ts's callbacks, a row in `sessions`).
//
// The service URL carries an `etat`, the digest of a random secret kept in this browser's
// HttpOnly cookie,
// and the ENT validates a ticket only for the exact service URL it was issued to: a ticket
// from another browser's sign-in (login CSRF), from another application of the ENT or
// already used is refused. The service URL is built on NEXTAUTH_URL (the address the
// school's ENT administrator registers), never on a request's Host header.
import 'server-only';
import crypto from 'node:crypto';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db/client';
import { appConfig } from '@/lib/config/env';
import { accountForEntIdentity } from '@/lib/auth/ent-identities';
import { isServiceTicket, validateServiceTicket } from './protocol';
import { HOME_PATH, safeCallbackPath } from '@/lib/http/paths';
import { entUser } from '@/lib/auth/ent-refusal';
import { casThrottleKeys, recordSuccess, registerAttempt } from '@/lib/auth/throttle';
import { clientAddress } from '@/lib/http/client-address';

export const CAS_PROVIDER_ID = 'cas';
export const CAS_PATH = '/login/cas';

/** The codes /login explains (sign-in-messages.ts). */
export const CAS_REFUSED = 'CasRefuse';
export const CAS_UNAVAILABLE = 'CasIndisponible';
export const CAS_THROTTLED = 'TropDeTentatives';

const STATE_COOKIE = 'cpro-cas-etat';
export const STATE_MAX_AGE_SECONDS = 10 * 60;

/** `__Host-` prefixed when cookies are Secure: no subdomain nor path can shadow it. */
export function casStateCookieName(secure: boolean): string {
  return secure ? `__Host-${STATE_COOKIE}` : STATE_COOKIE;
}

/** The browser's secret, kept in its HttpOnly cookie: never in a URL. */
export function newCasSecret(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function isCasToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
}

/**
 * The `etat` of the service URL: a digest of the cookie's secret. A return URL that leaks
 * before it is used (history, logs, a Referer) cannot be redeemed elsewhere: the secret it
 * would take to make a matching cookie is not in it.
 */
export function casStateOf(secret: string): string {
  return crypto
    .createHash('sha256')
    .update(`cpro-cas-etat:${secret}`)
    .digest('base64url')
    .slice(0, 32);
}

/** The URL's `etat` is the digest of this browser's cookie secret (constant time). */
function stateMatchesCookie(etat: unknown, secret: unknown): boolean {
  if (!isCasToken(etat) || !isCasToken(secret)) return false;
  return crypto.timingSafeEqual(Buffer.from(etat), Buffer.from(casStateOf(secret)));
}

/**
 * The service URL given to the ENT and checked by it: `<NEXTAUTH_URL>/login/cas?etat=…`,
 * plus the page the teacher was going to. The same function builds it on both legs.
 */
export function casServiceUrl(publicUrl: string, etat: string, callbackPath: string): string {
  const params = new URLSearchParams({ etat });
  if (callbackPath !== HOME_PATH) params.set('callbackUrl', callbackPath);
  return `${new URL(CAS_PATH, publicUrl)}?${params}`;
}

/** The value of `name` in a Cookie header (next-auth hands authorize() the raw headers). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Thrown from authorize(): next-auth sends the browser to /login?error=<message>. */
class CasSignInError extends Error {}

export function casProvider(settings: { url: string; label: string }) {
  return CredentialsProvider({
    id: CAS_PROVIDER_ID,
    name: settings.label,
    credentials: {
      ticket: { type: 'text' },
      etat: { type: 'text' },
      callbackUrl: { type: 'text' },
    },
    async authorize(credentials, request) {
      const { publicUrl, auth } = appConfig();
      if (!publicUrl || !auth.cas) throw new CasSignInError(CAS_UNAVAILABLE);
      const headers = (request.headers ?? {}) as Record<string, string | undefined>;
      const secure = publicUrl.startsWith('https://');
      const expected = cookieValue(headers.cookie, casStateCookieName(secure));
      if (!credentials || !isServiceTicket(credentials.ticket)) {
        throw new CasSignInError(CAS_REFUSED);
      }
      if (!stateMatchesCookie(credentials.etat, expected)) throw new CasSignInError(CAS_REFUSED);
      // Counted before the ENT is asked (a refused ticket is a failed sign-in of this address).
      const db = await getDb();
      const keys = casThrottleKeys(clientAddress(new Headers(headers as Record<string, string>)));
      const verdict = await registerAttempt(db, keys);
      if (!verdict.allowed) throw new CasSignInError(CAS_THROTTLED);
      const service = casServiceUrl(
        publicUrl,
        credentials.etat,
        safeCallbackPath(credentials.callbackUrl),
      );
      const validation = await validateServiceTicket(auth.cas.url, service, credentials.ticket);
      if (!validation.ok) {
        console.warn(
          validation.reason === 'refused'
            ? `[auth] ticket CAS refusé par l'ENT : ${validation.code}`
            : `[auth] validation CAS impossible : ${validation.message}`,
        );
        throw new CasSignInError(validation.reason === 'refused' ? CAS_REFUSED : CAS_UNAVAILABLE);
      }
      await recordSuccess(db, keys);
      const account = await accountForEntIdentity(db, {
        fournisseur: 'cas',
        identifiant: validation.user,
      });
      // Unknown or deactivated: refused by next-auth/options.ts's signIn callback (ent-refusal.ts).
      return entUser(account, validation.user);
    },
  });
}
