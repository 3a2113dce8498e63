// The client's address and scheme: forwarded headers count only from trusted proxies.
import { describe, expect, it } from 'vitest';
import {
  cameOverHttps,
  clientAddress,
  normalizeAddress,
  SOCKET_ADDRESS_HEADER,
  TrustedProxies,
} from './client-address';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

const none = new TrustedProxies(undefined);
const loopback = new TrustedProxies('127.0.0.1, ::1');
const lan = new TrustedProxies('10.0.0.0/8,2001:db8::/32');

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const h = headers({
      [SOCKET_ADDRESS_HEADER]: '::ffff:192.0.2.7',
      'x-forwarded-for': '203.0.113.9',
    });
    expect(clientAddress(h, none)).toBe('192.0.2.7');
    expect(clientAddress(h, loopback)).toBe('192.0.2.7');
  });

  it('walks X-Forwarded-For from the right through trusted proxies only', () => {
    const h = headers({
      [SOCKET_ADDRESS_HEADER]: '10.1.1.1',
      'x-forwarded-for': '198.51.100.66, 203.0.113.9, 10.2.2.2',
    });
    // 10.1.1.1 (trusted) says 10.2.2.2 (trusted) said 203.0.113.9: that is the client; the
    // left-most entry is whatever the client wrote.
    expect(clientAddress(h, lan)).toBe('203.0.113.9');
  });

  it('stops at a malformed hop and never returns something that is not an address', () => {
    const h = headers({ [SOCKET_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': 'evil, <x>' });
    expect(clientAddress(h, loopback)).toBe('127.0.0.1');
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }), loopback)).toBeNull();
  });

  it('accepts IPv6 ranges and brackets', () => {
    const h = headers({
      [SOCKET_ADDRESS_HEADER]: '2001:db8::1',
      'x-forwarded-for': '[2001:db9::5]',
    });
    expect(clientAddress(h, lan)).toBe('2001:db9::5');
    expect(normalizeAddress('not an ip')).toBeNull();
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or a range', () => {
    expect(() => new TrustedProxies('127.0.0.1, localhost')).toThrow(/TRUSTED_PROXIES/);
    expect(() => new TrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/);
    // proxy-addr's own names are not addresses: the list says which proxies, by address.
    expect(() => new TrustedProxies('loopback')).toThrow(/TRUSTED_PROXIES/);
    expect(() => new TrustedProxies('10.0.0.0/8/8')).toThrow(/TRUSTED_PROXIES/);
    expect(new TrustedProxies('[::1], 10.0.0.0/8').has('::1')).toBe(true);
  });
});

describe('cameOverHttps', () => {
  it('believes X-Forwarded-Proto from a trusted proxy only', () => {
    const h = headers({ [SOCKET_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-proto': 'https' });
    expect(cameOverHttps(h, loopback)).toBe(true);
    expect(cameOverHttps(h, none)).toBe(false);
    const spoofed = headers({ [SOCKET_ADDRESS_HEADER]: '192.0.2.1', 'x-forwarded-proto': 'https' });
    expect(cameOverHttps(spoofed, lan)).toBe(false);
  });
});
