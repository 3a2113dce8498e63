// An attempt id opens one password check, for the e-mail it was counted for, once.
import { describe, expect, it } from 'vitest';
import { SignInAttempts } from './attempts';
import type { ThrottleKeys } from '@/lib/auth/throttle';

const keysOf = (email: string): ThrottleKeys => ({
  account: `compte:${email}`,
  address: null,
  pair: null,
});

describe('SignInAttempts', () => {
  it('gives the keys once, for the same e-mail only', () => {
    const attempts = new SignInAttempts();
    const id = attempts.issue('a@x.test', keysOf('a@x.test'));
    expect(attempts.take(id, 'a@x.test')).toEqual(keysOf('a@x.test'));
    expect(attempts.take(id, 'a@x.test')).toBeNull();
    const other = attempts.issue('decoy@x.test', keysOf('decoy@x.test'));
    expect(attempts.take(other, 'victim@x.test')).toBeNull();
    expect(attempts.take(other, 'decoy@x.test')).toBeNull(); // spent by the wrong try
  });

  it('refuses unknown, missing and expired ids', () => {
    let now = 0;
    const attempts = new SignInAttempts(() => now);
    expect(attempts.take(undefined, 'a@x.test')).toBeNull();
    expect(attempts.take('forged', 'a@x.test')).toBeNull();
    const id = attempts.issue('a@x.test', keysOf('a@x.test'));
    now += 61_000;
    expect(attempts.take(id, 'a@x.test')).toBeNull();
  });
});
