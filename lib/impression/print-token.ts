// Short-lived, single-use signed print tokens. The print pages (/impression/…) have no
// session: they answer only to a token that names the establishment, the teacher who asked,
// the document and what identifies it (its ids and print parameters), signed with the
// server secret — a JWT (HS256, jose), valid for a minute — and once: each token carries an
// id (`jti`) that the print page records as used (print-access.ts), so a token seen in a log
// or a proxy is worth nothing afterwards.
import crypto from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

export interface PrintClaims {
  etablissementId: string;
  /** The teacher the document is printed for (the print page's read is traced to them). */
  utilisateurId: string;
  /** The document (lib/impression/documents/: `bilan`, `derniers-bilans`, `synthese`…). */
  kind: string;
  /** Everything its print page is asked for: ids, then `name=value` parameters. */
  ids: string[];
}

export interface VerifiedPrintToken {
  etablissementId: string;
  utilisateurId: string;
  jti: string;
  expiresAt: Date;
}

const TTL_SECONDS = 60;
const AUDIENCE = 'cpro:impression';

/** What a signed payload must hold besides the standard claims. */
const claimsSchema = z.object({
  e: z.string(),
  u: z.string(),
  k: z.string(),
  i: z.array(z.string()),
  jti: z.string(),
  exp: z.number(),
});

function key(secret: string): Uint8Array {
  // Its own key, derived: a print token can never pass for a session token.
  return new TextEncoder().encode(`print:${secret}`);
}

/** `secret`: the server's (lib/auth/secret.ts); a parameter so that tests can sign too. */
export function createPrintToken(
  claims: PrintClaims,
  now: number,
  secret: string,
): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({
    e: claims.etablissementId,
    u: claims.utilisateurId,
    k: claims.kind,
    i: claims.ids,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setJti(crypto.randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(key(secret));
}

/** The token's claims if it is valid, unexpired and names exactly this document; else null. */
export async function verifyPrintToken(
  token: unknown,
  kind: string,
  ids: string[],
  now: number,
  secret: string,
): Promise<VerifiedPrintToken | null> {
  if (typeof token !== 'string' || token.length > 4000) return null;
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key(secret), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(now),
    }));
  } catch {
    return null;
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const claims = parsed.data;
  if (claims.k !== kind) return null;
  if (claims.i.length !== ids.length || claims.i.some((id, n) => id !== ids[n])) return null;
  return {
    etablissementId: claims.e,
    utilisateurId: claims.u,
    jti: claims.jti,
    expiresAt: new Date(claims.exp * 1000),
  };
}
