// The session cookie is read as next-auth wrote it: same cookie name, same encryption; a
// forged, foreign or expired token is no session, from the cache as much as the first time.
import { describe, expect, it } from 'vitest';
import type { NextApiRequest } from 'next';
import { decode, encode, getToken } from 'next-auth/jwt';
import { SessionTokenReader, sessionCookieName, secureCookies } from './session-token';
import { parseConfig } from '@/lib/config/env';

const SECRET = 'secret-de-test-pour-les-sessions-0123456789';
const USER = '35109ae7-8c8b-56f6-93d2-35f2347ebeb0';
const SID = '0b7e4c1e-6a52-4f43-9a4e-5d1f0c9b8a11';

/** A token as options.ts writes it: signed in now unless `authTime` says otherwise. */
function token(claims: Record<string, unknown>, maxAge = 3600, secret = SECRET) {
  return encode({
    token: { authTime: Math.floor(Date.now() / 1000), ...claims },
    secret,
    maxAge,
  });
}

describe('session cookie', () => {
  it('has the name next-auth gives it, with the __Secure- prefix over https', async () => {
    expect(secureCookies(parseConfig({ NEXTAUTH_URL: 'https://cpro.example.fr' }))).toBe(true);
    expect(secureCookies(parseConfig({ NEXTAUTH_URL: 'http://localhost:3000' }))).toBe(false);
    expect(secureCookies(parseConfig({}))).toBe(false);
    const jwt = await token({ sub: USER, sid: SID, sessionVersion: 0 });
    for (const secureCookie of [true, false]) {
      // next-auth's own reader finds the token under our name, and only there.
      const request = (name: string) =>
        ({ cookies: { [name]: jwt }, headers: {} }) as unknown as NextApiRequest;
      const found = (name: string) =>
        getToken({ req: request(name), secureCookie, secret: SECRET });
      expect(await found(sessionCookieName(secureCookie))).toMatchObject({ sub: USER });
      expect(await found(sessionCookieName(!secureCookie))).toBeNull();
    }
  });
});

describe('SessionTokenReader', () => {
  it('reads the account id and session version of a token next-auth encoded', async () => {
    const reader = new SessionTokenReader(SECRET);
    expect(await reader.read(await token({ sub: USER, sid: SID, sessionVersion: 3 }))).toEqual({
      userId: USER,
      sessionVersion: 3,
      sessionId: SID,
    });
    // A cookie from before sessions had their own id is not accepted.
    expect(await reader.read(await token({ sub: USER, sessionVersion: 3 }))).toBeNull();
  });

  it('refuses no token, garbage, another secret, or a token without a session version', async () => {
    const reader = new SessionTokenReader(SECRET);
    expect(await reader.read(undefined)).toBeNull();
    expect(await reader.read('')).toBeNull();
    expect(await reader.read('eyJhbGciOiJkaXIifQ..abc.def.ghi')).toBeNull();
    const foreign = await token(
      { sub: USER, sid: SID, sessionVersion: 0 },
      3600,
      'un-autre-secret',
    );
    expect(await reader.read(foreign)).toBeNull();
    expect(await reader.read(await token({ sub: USER }))).toBeNull();
    expect(await reader.read(await token({ sessionVersion: 0 }))).toBeNull();
  });

  it('decrypts a token once, then answers from memory until it expires', async () => {
    let clock = Date.now() / 1000;
    let decoded = 0;
    const reader = new SessionTokenReader(
      SECRET,
      10,
      () => clock,
      (params) => {
        decoded += 1;
        return decode(params);
      },
    );
    const jwt = await token({ sub: USER, sid: SID, sessionVersion: 1 }, 60);
    for (let i = 0; i < 5; i++) expect(await reader.read(jwt)).not.toBeNull();
    expect(decoded).toBe(1);
    clock += 60 + 14; // within next-auth's 15 s tolerance
    expect(await reader.read(jwt)).not.toBeNull();
    clock += 2;
    expect(await reader.read(jwt)).toBeNull();
    // Once expired it is forgotten: decrypted again, and refused again.
    expect(await reader.read(jwt)).toBeNull();
    expect(decoded).toBe(2);
  });

  it('keeps at most maxEntries tokens, forgetting the oldest', async () => {
    let decoded = 0;
    const reader = new SessionTokenReader(SECRET, 2, undefined, (params) => {
      decoded += 1;
      return decode(params);
    });
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map((v) => token({ sub: USER, sid: SID, sessionVersion: v })),
    );
    for (const jwt of [a, b, c, c, b]) await reader.read(jwt);
    expect(decoded).toBe(3);
    expect(await reader.read(a)).toEqual({ userId: USER, sessionVersion: 1, sessionId: SID });
    expect(decoded).toBe(4);
  });
});

describe('absolute session lifetime', () => {
  it('refuses a token signed in longer ago than the lifetime, however fresh its expiry', async () => {
    const reader = new SessionTokenReader(SECRET, 10, undefined, undefined, 3600);
    const now = Math.floor(Date.now() / 1000);
    // next-auth re-issues the cookie with a new expiry at each refresh: the sign-in time stays.
    const refreshed = await token(
      { sub: USER, sid: SID, sessionVersion: 0, authTime: now - 3620 },
      3600,
    );
    expect(await reader.read(refreshed)).toBeNull();
    const recent = await token(
      { sub: USER, sid: SID, sessionVersion: 0, authTime: now - 3500 },
      3600,
    );
    expect(await reader.read(recent)).not.toBeNull();
    expect(
      await reader.read(
        await token({ sub: USER, sid: SID, sessionVersion: 0, authTime: undefined }),
      ),
    ).toBeNull();
  });

  it('forgets a remembered token once its sign-in is older than the lifetime', async () => {
    let clock = Date.now() / 1000;
    const reader = new SessionTokenReader(SECRET, 10, () => clock, undefined, 100);
    const jwt = await token({ sub: USER, sid: SID, sessionVersion: 0 }, 3600);
    expect(await reader.read(jwt)).not.toBeNull();
    clock += 100 + 16; // past the 15 s clock tolerance
    expect(await reader.read(jwt)).toBeNull();
  });
});
