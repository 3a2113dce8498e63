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
  it('refuses control characters, backslashes and every way of writing another origin', () => {
    const controls = [...Array(32).keys(), 0x7f, 0x85, 0x9f, 0x2028, 0x2029].map((c) =>
      String.fromCharCode(c),
    );
    for (const c of controls) {
      for (const bad of [
        `/${c}/evil.test:8080/x`,
        `/bilans${c}`,
        `${c}/bilans`,
        `/${c}${c}evil.test`,
      ]) {
        expect(safeCallbackPath(bad), JSON.stringify(bad)).toBe('/bilans');
      }
    }
    for (const bad of [
      '/\\evil.test',
      '/./\\evil.test',
      '/.//evil.test',
      '/..//evil.test',
      'http://evil.test/bilans',
      'http:/evil.test',
      'javascript:alert(1)',
      '/%09/evil.test',
      'x'.repeat(3000),
      `/${'x'.repeat(2500)}`,
    ]) {
      const result = safeCallbackPath(bad);
      expect(result === '/bilans' || !/^\/\//.test(result), bad).toBe(true);
      expect(new URL(result, 'http://cpro.test').origin).toBe('http://cpro.test');
    }
  });

  it('keeps an absolute URL of our own origin as its path, and no other', () => {
    expect(safeCallbackPath('http://localhost:3000/bilans/x?y=1', 'http://localhost:3000')).toBe(
      '/bilans/x?y=1',
    );
    expect(safeCallbackPath('http://localhost:3001/bilans/x', 'http://localhost:3000')).toBe(
      '/bilans',
    );
  });

  it('builds the sign-in URL', () => {
    expect(loginUrl('/bilans/x')).toBe('/login?callbackUrl=%2Fbilans%2Fx');
    expect(loginUrl(null)).toBe('/login');
  });
});
