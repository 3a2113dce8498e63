import { describe, expect, it } from 'vitest';
import { loginUrl, safeCallbackPath } from './paths';

describe('safeCallbackPath', () => {
  it('keeps our own paths', () => {
    expect(safeCallbackPath('/bilans/abc?x=1')).toBe('/bilans/abc?x=1');
  });
  it('refuses anything that could leave the site', () => {
    for (const bad of [
      'https://evil.test/',
      '//evil.test',
      '/\\evil.test',
      'bilans',
      null,
      '',
      '/login?x',
      '/api/auth/signout',
    ]) {
      expect(safeCallbackPath(bad)).toBe('/bilans');
    }
  });
  it('builds the sign-in URL', () => {
    expect(loginUrl('/bilans/x')).toBe('/login?callbackUrl=%2Fbilans%2Fx');
    expect(loginUrl(null)).toBe('/login');
  });
});
