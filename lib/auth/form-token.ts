// The anti-forgery token of the administration's forms: an HMAC of this sign-in's session id,
// rendered in every form and checked by every handler. A page of another site cannot read it
// (and cannot send our SameSite cookie either); it changes at each sign-in and dies with the
// session. Checked together with the browser's own word (Sec-Fetch-Site / Origin).
import 'server-only';
import crypto from 'node:crypto';
import { getAuthSecret } from './secret';
import { getSessionClaims } from './session';

export const FORM_TOKEN_FIELD = 'jeton_formulaire';

function tokenFor(sessionId: string): string {
  return crypto
    .createHmac('sha256', getAuthSecret())
    .update(`formulaire-administration:${sessionId}`)
    .digest('base64url');
}

/** The token for this request's session (forms render it), or '' when signed out. */
export async function currentFormToken(): Promise<string> {
  const claims = await getSessionClaims();
  return claims ? tokenFor(claims.sessionId) : '';
}

export async function formTokenMatches(given: unknown): Promise<boolean> {
  const claims = await getSessionClaims();
  if (!claims || typeof given !== 'string') return false;
  const expected = Buffer.from(tokenFor(claims.sessionId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
