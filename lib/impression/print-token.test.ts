import { describe, expect, it } from 'vitest';
import { createPrintToken, verifyPrintToken } from './print-token';

const SECRET = 'test-secret';
const ETAB = '11111111-1111-4111-8111-111111111111';
const IDS = ['22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const USER = '44444444-4444-4444-8444-444444444444';

describe('print tokens', () => {
  const now = 1_800_000_000_000;
  const token = createPrintToken(
    { etablissementId: ETAB, utilisateurId: USER, kind: 'bilan', ids: IDS },
    now,
    SECRET,
  );

  it('accept the document they were made for, naming its teacher and a use-once id', () => {
    const verified = verifyPrintToken(token, 'bilan', IDS, now + 1000, SECRET);
    expect(verified).toMatchObject({ etablissementId: ETAB, utilisateurId: USER });
    expect(verified?.jti).toMatch(/^[0-9a-f-]{36}$/);
    const again = createPrintToken(
      { etablissementId: ETAB, utilisateurId: USER, kind: 'bilan', ids: IDS },
      now,
      SECRET,
    );
    expect(verifyPrintToken(again, 'bilan', IDS, now, SECRET)?.jti).not.toBe(verified?.jti);
  });

  it('refuse other ids, another kind, expiry, another secret and tampering', () => {
    expect(verifyPrintToken(token, 'bilan', [IDS[0]!, IDS[0]!], now, SECRET)).toBeNull();
    expect(verifyPrintToken(token, 'classe', IDS, now, SECRET)).toBeNull();
    expect(verifyPrintToken(token, 'bilan', IDS, now + 61_000, SECRET)).toBeNull();
    expect(verifyPrintToken(token, 'bilan', IDS, now, 'other-secret')).toBeNull();
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ e: 'autre', k: 'bilan', i: IDS, x: now + 60_000 }),
    ).toString('base64url');
    expect(verifyPrintToken(`${forged}.${signature}`, 'bilan', IDS, now, SECRET)).toBeNull();
    expect(verifyPrintToken(`${payload}.`, 'bilan', IDS, now, SECRET)).toBeNull();
    expect(verifyPrintToken(undefined, 'bilan', IDS, now, SECRET)).toBeNull();
    expect(verifyPrintToken('x.y.z', 'bilan', IDS, now, SECRET)).toBeNull();
  });
});
