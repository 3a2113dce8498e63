import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@/lib/db/testing';
import type { Connection } from '@/lib/db/connect';
import { parseConfig } from '@/lib/config/env';
import {
  clearAttempts,
  globalSignInLimit,
  purgeAttempts,
  registerAttempt,
  registerGlobalAttempt,
  throttleKeys,
  throttlePolicy,
} from './throttle';

const policy = throttlePolicy(parseConfig({}));
const minutes = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);

describe('throttle keys and addresses', () => {
  // Which address is the client's is lib/http/client-address.ts's job (and test).
  it('charges the account (normalised) and the address', () => {
    expect(throttleKeys(' Prof@Lycee.test ', '203.0.113.7')).toEqual([
      'compte:prof@lycee.test',
      'adresse:203.0.113.7',
    ]);
    expect(throttleKeys('prof@lycee.test', null)).toEqual(['compte:prof@lycee.test']);
  });

  it('caps the whole module at 300 sign-ins a minute unless configured', () => {
    expect(globalSignInLimit(parseConfig({}))).toBe(300);
    expect(globalSignInLimit(parseConfig({ SIGNIN_GLOBAL_PER_MINUTE: '20' }))).toBe(20);
  });

  it('defaults to 10 failures in 15 minutes, locked 15 minutes', () => {
    expect(policy).toEqual({ maxFailures: 10, windowSeconds: 900, lockSeconds: 900 });
    expect(throttlePolicy(parseConfig({ SIGNIN_LOCK_SECONDS: '5' }))).toEqual({
      maxFailures: 10,
      windowSeconds: 900,
      lockSeconds: 5,
    });
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

  it('lets 10 attempts through, refuses the 11th for 15 minutes, then unlocks', async () => {
    const keys = throttleKeys('a@lycee.test', '192.0.2.1');
    for (let i = 0; i < 10; i++) {
      expect(await registerAttempt(connection.db, keys, policy, minutes(start, i))).toEqual({
        allowed: true,
      });
    }
    const refused = await registerAttempt(connection.db, keys, policy, minutes(start, 10));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    // Still locked just before the end, whatever the attempts in between.
    expect((await registerAttempt(connection.db, keys, policy, minutes(start, 23))).allowed).toBe(
      false,
    );
    expect(await registerAttempt(connection.db, keys, policy, minutes(start, 24.01))).toEqual({
      allowed: true,
    });
  });

  it('forgets failures older than the window', async () => {
    const keys = throttleKeys('b@lycee.test', null);
    for (let i = 0; i < 9; i++) await registerAttempt(connection.db, keys, policy, start);
    // 16 minutes later the window has passed: ten more attempts are allowed.
    for (let i = 0; i < 10; i++) {
      expect((await registerAttempt(connection.db, keys, policy, minutes(start, 16))).allowed).toBe(
        true,
      );
    }
  });

  it('locks an address tried against many accounts, and an account from many addresses', async () => {
    for (let i = 0; i < 10; i++) {
      await registerAttempt(
        connection.db,
        throttleKeys(`c${i}@lycee.test`, '192.0.2.9'),
        policy,
        start,
      );
    }
    expect(
      (
        await registerAttempt(
          connection.db,
          throttleKeys('new@lycee.test', '192.0.2.9'),
          policy,
          start,
        )
      ).allowed,
    ).toBe(false);
    for (let i = 0; i < 10; i++) {
      await registerAttempt(
        connection.db,
        throttleKeys('d@lycee.test', `198.51.100.${i}`),
        policy,
        start,
      );
    }
    expect(
      (
        await registerAttempt(
          connection.db,
          throttleKeys('d@lycee.test', '198.51.100.200'),
          policy,
          start,
        )
      ).allowed,
    ).toBe(false);
  });

  it('counts parallel attempts exactly: a burst gets no more than the limit through', async () => {
    const keys = throttleKeys('e@lycee.test', null);
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, () => registerAttempt(connection.db, keys, policy, start)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it('a success clears the counters', async () => {
    const keys = throttleKeys('f@lycee.test', '192.0.2.50');
    for (let i = 0; i < 9; i++) await registerAttempt(connection.db, keys, policy, start);
    await clearAttempts(connection.db, keys);
    for (let i = 0; i < 10; i++) {
      expect((await registerAttempt(connection.db, keys, policy, start)).allowed).toBe(true);
    }
  });

  it('the global counter refuses beyond its limit within the minute, then lets through again', async () => {
    const at = new Date('2026-11-28T09:00:00Z');
    for (let i = 0; i < 5; i++) {
      expect((await registerGlobalAttempt(connection.db, 5, at)).allowed).toBe(true);
    }
    const refused = await registerGlobalAttempt(connection.db, 5, new Date(at.getTime() + 20_000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // A success clears the account and the address, never the global counter.
    await clearAttempts(connection.db, ['global']);
    expect(
      (await registerGlobalAttempt(connection.db, 5, new Date(at.getTime() + 30_000))).allowed,
    ).toBe(false);
    expect(
      (await registerGlobalAttempt(connection.db, 5, new Date(at.getTime() + 61_000))).allowed,
    ).toBe(true);
  });

  it('purges the counters whose window or lock is over, keeps the live ones', async () => {
    const at = new Date('2026-11-28T10:00:00Z');
    const stale = throttleKeys('stale@lycee.test', null);
    const locked = throttleKeys('locked@lycee.test', null);
    const live = throttleKeys('live@lycee.test', null);
    await registerAttempt(connection.db, stale, policy, at);
    for (let i = 0; i < 10; i++)
      await registerAttempt(connection.db, locked, policy, minutes(at, 10));
    await registerAttempt(connection.db, live, policy, minutes(at, 20));
    // 16 min after the start: the first window is over, the lock (until 25) and the live one are not.
    await purgeAttempts(connection.db, policy, minutes(at, 16));
    const left = async () =>
      (await connection.db.query.connexionEchecs.findMany())
        .map((r) => r.cle)
        .filter((k) => k.includes('@'));
    expect(await left()).not.toContain(stale[0]);
    expect(await left()).toEqual(expect.arrayContaining([locked[0], live[0]]));
    await purgeAttempts(connection.db, policy, minutes(at, 40));
    expect(await left()).not.toContain(locked[0]);
    expect(await left()).not.toContain(live[0]);
  });
});
