import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { createPrintToken, verifyPrintToken } from './print-token';

const SECRET = 'test-secret';
const ETAB = '11111111-1111-4111-8111-111111111111';
const IDS = ['22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const USER = '44444444-4444-4444-8444-444444444444';

describe('print tokens', () => {
  const now = 1_800_000_000_000;
  const claims = { etablissementId: ETAB, utilisateurId: USER, kind: 'bilan', ids: IDS };

  it('accept the document they were made for, naming its teacher and a use-once id', async () => {
    const token = await createPrintToken(claims, now, SECRET);
    const verified = await verifyPrintToken(token, 'bilan', IDS, now + 1000, SECRET);
    expect(verified).toMatchObject({ etablissementId: ETAB, utilisateurId: USER });
    expect(verified?.jti).toMatch(/^[0-9a-f-]{36}$/);
    const again = await createPrintToken(claims, now, SECRET);
    expect((await verifyPrintToken(again, 'bilan', IDS, now, SECRET))?.jti).not.toBe(verified?.jti);
  });

  it('refuse other ids, another document, expiry, another secret and tampering', async () => {
    const token = await createPrintToken(claims, now, SECRET);
    expect(await verifyPrintToken(token, 'bilan', [IDS[0]!, IDS[0]!], now, SECRET)).toBeNull();
    expect(await verifyPrintToken(token, 'derniers-bilans', IDS, now, SECRET)).toBeNull();
    expect(await verifyPrintToken(token, 'bilan', IDS, now + 61_000, SECRET)).toBeNull();
    expect(await verifyPrintToken(token, 'bilan', IDS, now, 'other-secret')).toBeNull();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ e: 'autre', u: USER, k: 'bilan', i: IDS, jti: 'x', exp: now / 1000 + 60 }),
    ).toString('base64url');
    expect(
      await verifyPrintToken(`${header}.${forged}.${signature}`, 'bilan', IDS, now, SECRET),
    ).toBeNull();
    expect(await verifyPrintToken(undefined, 'bilan', IDS, now, SECRET)).toBeNull();
    expect(await verifyPrintToken('x.y.z', 'bilan', IDS, now, SECRET)).toBeNull();
    // A session-like token signed with the raw secret is not a print token.
    const session = await new SignJWT({ e: ETAB, u: USER, k: 'bilan', i: IDS, jti: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('cpro:impression')
      .setExpirationTime(now / 1000 + 60)
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyPrintToken(session, 'bilan', IDS, now, SECRET)).toBeNull();
  });
});
