import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { csrfCookieName, csrfTokenOf, newCsrfCookieValue } from './csrf';

// next-auth's own check (not in its package exports): what the sign-in route will run.
interface CsrfVerdict {
  cookie?: string;
  csrfToken: string;
  csrfTokenVerified?: boolean;
}
const { createCSRFToken } = createRequire(import.meta.url)(
  path.resolve('node_modules/next-auth/core/lib/csrf-token.js'),
) as {
  createCSRFToken(params: {
    options: { secret: string };
    cookieValue?: string;
    isPost: boolean;
    bodyValue?: string;
  }): CsrfVerdict;
};

const SECRET = 'secret-de-test';
const options = { secret: SECRET };

describe('CSRF cookie for forms without JavaScript', () => {
  it('makes cookies next-auth accepts, with the token the form must post', () => {
    const value = newCsrfCookieValue(SECRET);
    const token = csrfTokenOf(value, SECRET);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const verdict = createCSRFToken({
      options,
      cookieValue: value,
      isPost: true,
      bodyValue: token!,
    });
    expect(verdict.csrfTokenVerified).toBe(true);
  });

  it('reads the cookies next-auth makes, and refuses forged or foreign ones', () => {
    const made = createCSRFToken({ options, isPost: false });
    expect(csrfTokenOf(made.cookie, SECRET)).toBe(made.csrfToken);
    expect(csrfTokenOf(made.cookie, 'un-autre-secret')).toBeNull();
    const [token] = made.cookie!.split('|');
    for (const bad of [
      undefined,
      '',
      token,
      `${token}|`,
      `${token}|${'0'.repeat(64)}`,
      `${made.cookie}|x`,
    ])
      expect(csrfTokenOf(bad, SECRET)).toBeNull();
  });

  it('names the cookie as next-auth does', () => {
    expect(csrfCookieName(false)).toBe('next-auth.csrf-token');
    expect(csrfCookieName(true)).toBe('__Host-next-auth.csrf-token');
  });
});
