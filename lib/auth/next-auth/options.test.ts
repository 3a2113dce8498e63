// next-auth's own session endpoint vouches only for a session the pages would accept: its
// jwt callback refuses a token signed in longer ago than the lifetime, or without a time.
import { describe, expect, it } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { authOptionsFor, signedInToken } from './options';
import { appConfig } from '@/lib/config/env';

async function refresh(token: JWT) {
  const jwt = (await authOptionsFor(false)).callbacks!.jwt!;
  return jwt({ token, account: null, user: undefined as never, trigger: 'update' });
}

describe('next-auth jwt callback', () => {
  it('stamps the sign-in time and the session row on a new session', () => {
    const token = signedInToken({}, { id: 'u', sessionVersion: 2 }, 'sid-1', 1_800_000_000);
    expect(token).toEqual({ sub: 'u', sessionVersion: 2, authTime: 1_800_000_000, sid: 'sid-1' });
  });

  it('refuses a sign-in through a provider it does not know (no session is opened)', async () => {
    const jwt = (await authOptionsFor(false)).callbacks!.jwt!;
    await expect(
      jwt({
        token: {},
        user: { id: 'u', sessionVersion: 0 },
        account: { provider: 'autre', type: 'oauth', providerAccountId: 'x' },
      }),
    ).rejects.toThrow(/inconnu/);
  });

  it('refuses to refresh a session past its lifetime, or one without a sign-in time', async () => {
    const old = Math.floor(Date.now() / 1000) - appConfig().sessionMaxAgeSeconds - 60;
    await expect(
      refresh({ sub: 'u', sessionVersion: 0, authTime: old, sid: 's' }),
    ).rejects.toThrow();
    await expect(refresh({ sub: 'u', sessionVersion: 0 })).rejects.toThrow();
  });

  it('sets Secure cookies when asked to', async () => {
    expect((await authOptionsFor(true)).useSecureCookies).toBe(true);
    expect((await authOptionsFor(false)).useSecureCookies).toBe(false);
  });

  it('has one provider per sign-in way turned on, named as the access trace names it', async () => {
    const { providers } = await authOptionsFor(false);
    expect(providers.map((p) => p.id)).toEqual(['credentials']);
  });
});
