import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@/lib/db/testing';
import type { Connection } from '@/lib/db/connect';
import { parseConfig } from '@/lib/config/env';
import {
  addressCounterOf,
  purgeAttempts,
  recordSuccess,
  registerAttempt,
  throttleKeys,
  throttlePolicy,
  type ThrottlePolicy,
} from './throttle';

const policy = throttlePolicy(parseConfig({}));
const minutes = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);

describe('throttle keys and addresses', () => {
  // Which address is the client's is lib/http/client-address.ts's job (and test).
  it('charges the account (normalised), the address and the pair', () => {
    expect(throttleKeys(' Prof@Lycee.test ', '203.0.113.7')).toEqual({
      account: 'compte:prof@lycee.test',
      address: 'adresse:203.0.113.7',
      pair: 'paire:203.0.113.7|prof@lycee.test',
    });
    expect(throttleKeys('prof@lycee.test', null)).toEqual({
      account: 'compte:prof@lycee.test',
      address: null,
      pair: null,
    });
  });

  it('counts an IPv6 client by its /64: one line cannot pose as 2^64 clients', () => {
    expect(addressCounterOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressCounterOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressCounterOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressCounterOf('::1')).toBe('0:0:0:0::/64');
    expect(addressCounterOf('192.0.2.7')).toBe('192.0.2.7');
  });

  it('defaults to 10 failures in 15 minutes, locked 15 minutes, flood past 300 a minute', () => {
    expect(policy).toEqual({
      maxFailures: 10,
      windowSeconds: 900,
      lockSeconds: 900,
      floodPerMinute: 300,
    });
    expect(throttlePolicy(parseConfig({ SIGNIN_LOCK_SECONDS: '5' })).lockSeconds).toBe(5);
    expect(throttlePolicy(parseConfig({ SIGNIN_GLOBAL_PER_MINUTE: '20' })).floodPerMinute).toBe(20);
    // A value that is not a number no longer falls back silently: the start stops (config).
    expect(() => parseConfig({ SIGNIN_MAX_FAILURES: 'x' })).toThrow(/SIGNIN_MAX_FAILURES/);
  });
});

describe.each(testDrivers())('registerAttempt ($name)', (driver) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await driver.open();
  });
  afterAll(() => connection?.close());

  const start = new Date('2026-11-28T08:00:00Z');
  const attempt = (email: string, address: string | null, at = start, limits = policy) =>
    registerAttempt(connection.db, throttleKeys(email, address), limits, at);
  const counter = async (key: string | null) =>
    (await connection.db.query.connexionEchecs.findMany()).find((r) => r.cle === key)?.echecs ?? 0;

  it('lets 10 attempts through, refuses the 11th for 15 minutes, then unlocks', async () => {
    for (let i = 0; i < 10; i++) {
      expect(await attempt('a@lycee.test', '192.0.2.1', minutes(start, i))).toEqual({
        allowed: true,
      });
    }
    const refused = await attempt('a@lycee.test', '192.0.2.1', minutes(start, 10));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 14 * 60, reason: 'verrou' });
    // Still locked just before the end, whatever the attempts in between.
    expect((await attempt('a@lycee.test', '192.0.2.1', minutes(start, 23))).allowed).toBe(false);
    expect(await attempt('a@lycee.test', '192.0.2.1', minutes(start, 24.01))).toEqual({
      allowed: true,
    });
  });

  it('forgets failures older than the window', async () => {
    for (let i = 0; i < 9; i++) await attempt('b@lycee.test', null);
    // 16 minutes later the window has passed: ten more attempts are allowed.
    for (let i = 0; i < 10; i++) {
      expect((await attempt('b@lycee.test', null, minutes(start, 16))).allowed).toBe(true);
    }
  });

  it('locks an address tried against many accounts, and an account from many addresses', async () => {
    for (let i = 0; i < 10; i++) await attempt(`c${i}@lycee.test`, '192.0.2.9');
    expect((await attempt('new@lycee.test', '192.0.2.9')).allowed).toBe(false);
    for (let i = 0; i < 10; i++) await attempt('d@lycee.test', `198.51.100.${i}`);
    expect((await attempt('d@lycee.test', '198.51.100.200')).allowed).toBe(false);
  });

  it('an IPv6 client changing its address within its /64 stays one client', async () => {
    for (let i = 0; i < 10; i++) await attempt(`v6-${i}@lycee.test`, `2001:db8:7:7::${i + 1}`);
    expect((await attempt('v6-new@lycee.test', '2001:db8:7:7:abcd::99')).allowed).toBe(false);
    expect((await attempt('v6-new@lycee.test', '2001:db8:7:8::1')).allowed).toBe(true);
  });

  it('counts parallel attempts exactly: a burst gets no more than the limit through', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, () => attempt('e@lycee.test', null)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it('an attempt refused by a lock counts nowhere: a locked address cannot lock an account', async () => {
    // The address is locked by guesses on other accounts...
    for (let i = 0; i < 10; i++) await attempt(`g${i}@lycee.test`, '192.0.2.20');
    // ...then keeps trying one teacher's account: every try is refused, none is counted.
    for (let i = 0; i < 30; i++) {
      expect((await attempt('teacher-g@lycee.test', '192.0.2.20')).allowed).toBe(false);
    }
    expect(await counter('compte:teacher-g@lycee.test')).toBe(0);
    // The teacher, from their own address, is not locked out.
    expect((await attempt('teacher-g@lycee.test', '192.0.2.21')).allowed).toBe(true);
  });

  it('a success forgives the address its typos on that account, never its failures on others', async () => {
    const mine = throttleKeys('owner-h@lycee.test', '192.0.2.30');
    // Three typos, then the right password: the address is back to zero.
    for (let i = 0; i < 3; i++) await registerAttempt(connection.db, mine, policy, start);
    await registerAttempt(connection.db, mine, policy, start);
    await recordSuccess(connection.db, mine, policy, start);
    expect(await counter(mine.address)).toBe(0);
    expect(await counter(mine.account)).toBe(0);
    // 9 guesses on other accounts, one correct sign-in of one's own, again and again:
    // the guesses stay counted and the address is locked at the 10th.
    const verdicts = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 9; i++)
        verdicts.push(await attempt(`h${round}-${i}@lycee.test`, '192.0.2.30'));
      if ((await registerAttempt(connection.db, mine, policy, start)).allowed) {
        await recordSuccess(connection.db, mine, policy, start);
      }
    }
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect((await attempt('other-h@lycee.test', '192.0.2.30')).allowed).toBe(false);
  });

  it('a flood delays the addresses that failed, never a clean one, and counts no refusal', async () => {
    const flood: ThrottlePolicy = { ...policy, floodPerMinute: 300 };
    const at = new Date('2026-11-28T09:00:10Z');
    // 32 addresses × 10 wrong guesses on as many accounts: 320 failures in the minute.
    for (let a = 0; a < 32; a++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          attempt(`flood${a}-${i}@lycee.test`, `203.0.113.${a}`, at, flood),
        ),
      );
    }
    // A teacher at an address that did nothing wrong signs in at once.
    expect(await attempt('clean@lycee.test', '192.0.2.77', at, flood)).toEqual({ allowed: true });
    // An address with a failure of its own waits for the next minute, counted nowhere.
    await attempt('typo@lycee.test', '192.0.2.78', at, flood);
    const later = new Date(at.getTime() + 20_000);
    expect(await attempt('typo@lycee.test', '192.0.2.78', later, flood)).toEqual({
      allowed: false,
      retryAfterSeconds: 40,
      reason: 'afflux',
    });
    expect(await counter('compte:typo@lycee.test')).toBe(1);
    // The next minute, the flood is over for everyone.
    const next = new Date(at.getTime() + 61_000);
    expect((await attempt('typo@lycee.test', '192.0.2.78', next, flood)).allowed).toBe(true);
  });

  it('purges the counters whose window or lock is over, keeps the live ones', async () => {
    const at = new Date('2026-11-28T10:00:00Z');
    await attempt('stale@lycee.test', null, at);
    for (let i = 0; i < 10; i++) await attempt('locked@lycee.test', null, minutes(at, 10));
    await attempt('live@lycee.test', null, minutes(at, 20));
    // 16 min after the start: the first window is over, the lock (until 25) and the live one are not.
    await purgeAttempts(connection.db, policy, minutes(at, 16));
    const left = async () =>
      (await connection.db.query.connexionEchecs.findMany())
        .map((r) => r.cle)
        .filter((k) => k.includes('@'));
    expect(await left()).not.toContain('compte:stale@lycee.test');
    expect(await left()).toEqual(
      expect.arrayContaining(['compte:locked@lycee.test', 'compte:live@lycee.test']),
    );
    await purgeAttempts(connection.db, policy, minutes(at, 40));
    expect(await left()).not.toContain('compte:locked@lycee.test');
    expect(await left()).not.toContain('compte:live@lycee.test');
  });
});
