// A print token opens its page once, on every instance (the used ids are in the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@/lib/db/testing';
import type { Connection } from '@/lib/db/connect';
import { jetonsImpressionUtilises } from '@/lib/db/schema';
import { claimPrintToken, purgeUsedPrintTokens } from './print-access';
import { createPrintToken } from './print-token';

const SECRET = 'secret-de-test';
const ETAB = '11111111-1111-4111-8111-111111111111';
const USER = '44444444-4444-4444-8444-444444444444';
const IDS = ['22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

describe.each(testDrivers())('claimPrintToken ($name)', (driver) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await driver.open();
  });
  afterAll(() => connection?.close());

  const token = (now: number): Promise<string> =>
    createPrintToken(
      { etablissementId: ETAB, utilisateurId: USER, kind: 'bilan', ids: IDS },
      now,
      SECRET,
    );

  it('opens once, for the teacher it names, then never again', async () => {
    const now = Date.now();
    const jeton = await token(now);
    expect(await claimPrintToken(connection.db, jeton, 'bilan', IDS, now, SECRET)).toEqual({
      etablissementId: ETAB,
      utilisateurId: USER,
    });
    expect(await claimPrintToken(connection.db, jeton, 'bilan', IDS, now, SECRET)).toBeNull();
    // Two reads at once: exactly one gets through.
    const other = await token(now);
    const both = await Promise.all([
      claimPrintToken(connection.db, other, 'bilan', IDS, now, SECRET),
      claimPrintToken(connection.db, other, 'bilan', IDS, now, SECRET),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it('refuses a token for other ids or expired, without spending it', async () => {
    const now = Date.now();
    const jeton = await token(now);
    expect(
      await claimPrintToken(connection.db, jeton, 'bilan', [IDS[0]!, IDS[0]!], now, SECRET),
    ).toBeNull();
    expect(
      await claimPrintToken(connection.db, jeton, 'bilan', IDS, now + 61_000, SECRET),
    ).toBeNull();
    expect(await claimPrintToken(connection.db, jeton, 'bilan', IDS, now, SECRET)).not.toBeNull();
  });

  it('forgets used tokens once they have expired', async () => {
    const now = Date.now();
    await claimPrintToken(connection.db, await token(now), 'bilan', IDS, now, SECRET);
    const before = (await connection.db.select().from(jetonsImpressionUtilises)).length;
    expect(await purgeUsedPrintTokens(connection.db, new Date(now))).toBe(0);
    expect(await purgeUsedPrintTokens(connection.db, new Date(now + 61_000))).toBe(before);
    expect(await connection.db.select().from(jetonsImpressionUtilises)).toEqual([]);
  });
});
