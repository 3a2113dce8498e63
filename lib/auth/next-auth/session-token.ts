// Reads the session cookie that next-auth wrote at sign-in: an encrypted JWT (JWE) holding
// the account id, its session version and the sign-in's session id. next-auth's getServerSession() would run its
// whole session endpoint for this on every page — key derivation, decryption, callbacks,
// then a fresh encryption of a cookie that a server component cannot even send back — up
// to a sixth of a bilan page's server time. Here the cookie is decoded with next-auth's own
// decode(), and a token already decoded is remembered until it expires: a browser sends
// the same one all day, and a string that decrypted once always decrypts to the same
// claims. Whether the account is still active and the session not revoked is checked in
// the database on every request all the same (session.ts).
//
// A session also ends `SESSION_MAX_AGE_SECONDS` after its sign-in (`authTime`, written at
// sign-in by options.ts), however often next-auth refreshed its expiry in between.
import 'server-only';
import { decode, type JWT } from 'next-auth/jwt';
import { LRUCache } from 'lru-cache';
import { appConfig, type AppConfig } from '@/lib/config/env';
import { cameOverHttps } from '@/lib/http/client-address';

const SESSION_COOKIE = 'next-auth.session-token';
// next-auth accepts a token up to 15 s after its expiry (clock skew); so do we.
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * Whether NEXTAUTH_URL says https (then every cookie is Secure); a request that came over
 * https through a trusted proxy gets Secure cookies too (options.ts, session.ts). Cookies
 * over https carry the __Secure- prefix: the rule next-auth applies.
 */
export function secureCookies(config: AppConfig = appConfig()): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}

/**
 * Whether this request's cookies are Secure, as next-auth names and sets them: NEXTAUTH_URL
 * in https, or the request came over https through a trusted proxy.
 */
export function requestUsesSecureCookies(headers: Headers): boolean {
  return secureCookies() || cameOverHttps(headers);
}

export function sessionCookieName(secure = secureCookies()): string {
  return secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** The sign-in's row in `sessions` (sessions.ts): revocable on its own. */
  sessionId: string;
}

export class SessionTokenReader {
  private readonly verified: LRUCache<string, { claims: SessionClaims; exp: number }>;

  constructor(
    private readonly secret: string,
    maxEntries = 10_000,
    private readonly now: () => number = () => Date.now() / 1000,
    private readonly decodeToken: typeof decode = decode,
    private readonly maxAgeSeconds = appConfig().sessionMaxAgeSeconds,
  ) {
    // Expiry is checked on read (claims and clock tolerance are ours); the LRU bounds memory.
    this.verified = new LRUCache({ max: maxEntries });
  }

  /** The token's claims, or null when it is absent, forged, expired or not ours. */
  async read(token: string | undefined): Promise<SessionClaims | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known) {
      if (this.current(known.exp)) return known.claims;
      this.verified.delete(token);
      return null;
    }
    let payload: JWT | null;
    try {
      payload = await this.decodeToken({ token, secret: this.secret });
    } catch {
      return null;
    }
    const claims = claimsOf(payload);
    if (!claims || typeof payload?.exp !== 'number' || typeof payload.authTime !== 'number') {
      return null;
    }
    // Remembered until the earlier of its expiry and the end of its sign-in's lifetime.
    const exp = Math.min(payload.exp, payload.authTime + this.maxAgeSeconds);
    if (!this.current(exp)) return null;
    this.verified.set(token, { claims, exp });
    return claims;
  }

  private current(exp: number): boolean {
    return exp + CLOCK_TOLERANCE_SECONDS >= this.now();
  }
}

function claimsOf(payload: JWT | null): SessionClaims | null {
  const userId = payload?.sub;
  const sessionVersion = payload?.sessionVersion;
  const sessionId = payload?.sid;
  // A cookie from before sessions had their own id names none: it is not accepted.
  if (
    typeof userId !== 'string' ||
    typeof sessionVersion !== 'number' ||
    typeof sessionId !== 'string'
  ) {
    return null;
  }
  return { userId, sessionVersion, sessionId };
}
