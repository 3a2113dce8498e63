import { describe, expect, it } from 'vitest';
import { newNonce, pageCsp } from './csp';

describe('page CSP', () => {
  it('draws a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('allows scripts only with the nonce, forbids framing and plugins', () => {
    const csp = pageCsp('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(pageCsp('abc', { development: true })).toContain("'unsafe-eval'");
  });
});
