// Short-lived, single-use signed print tokens. The print pages (/impression/…) have no
// session: they answer only to a token that names the establishment, the teacher who asked,
// the kind of document and its ids, signed with the server secret (HMAC-SHA256), valid for
// a minute — and once: each token carries an id (`jti`) that the print page records as used
// (print-access.ts), so a token seen in a log or a proxy is worth nothing afterwards.
import crypto from 'node:crypto';
import { z } from 'zod';

export const PRINT_KINDS = ['bilan', 'classe', 'synthese'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

export interface PrintClaims {
  etablissementId: string;
  /** The teacher the document is printed for (the print page's read is traced to them). */
  utilisateurId: string;
  kind: PrintKind;
  ids: string[];
}

export interface VerifiedPrintToken {
  etablissementId: string;
  utilisateurId: string;
  jti: string;
  expiresAt: Date;
}

const TTL_MS = 60_000;

/** What a signed payload must hold: establishment, teacher, kind, ids, token id, expiry. */
const claimsSchema = z.object({
  e: z.string(),
  u: z.string(),
  k: z.enum(PRINT_KINDS),
  i: z.array(z.string()),
  j: z.string(),
  x: z.number(),
});

function sign(payload: string, secret: string): string {
  return crypto.createHmac('sha256', `print:${secret}`).update(payload).digest('base64url');
}

/** `secret`: the server's (lib/auth/secret.ts); a parameter so that tests can sign too. */
export function createPrintToken(claims: PrintClaims, now: number, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      e: claims.etablissementId,
      u: claims.utilisateurId,
      k: claims.kind,
      i: claims.ids,
      j: crypto.randomUUID(),
      x: now + TTL_MS,
    }),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The token's claims if it is valid, unexpired and names exactly these ids; else null. */
export function verifyPrintToken(
  token: unknown,
  kind: PrintKind,
  ids: string[],
  now: number,
  secret: string,
): VerifiedPrintToken | null {
  if (typeof token !== 'string' || token.length > 2000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  let payloadJson: unknown;
  try {
    payloadJson = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = claimsSchema.safeParse(payloadJson);
  if (!parsed.success) return null;
  const claims = parsed.data;
  if (claims.k !== kind || claims.x < now) return null;
  if (claims.i.length !== ids.length || claims.i.some((id, n) => id !== ids[n])) return null;
  return {
    etablissementId: claims.e,
    utilisateurId: claims.u,
    jti: claims.j,
    expiresAt: new Date(claims.x),
  };
}
