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

describe('http-entry-hook.mjs', () => {
  it('refuses a method the module does not use, TRACE included, with a 405', async () => {
    const http = await import('node:http');
    await import(new URL('../server/http-entry-hook.mjs', import.meta.url).href);
    let reached = false;
    const server = http.createServer((_request, response) => {
      reached = true;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port, method: 'TRACE', path: '/' },
          (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end();
      });
      expect(status).toBe(405);
      expect(reached).toBe(false);
    } finally {
      server.close();
    }
  });

  it('overwrites a header the client sent under our name with the socket address', async () => {
    const http = await import('node:http');
    const file = new URL('../server/http-entry-hook.mjs', import.meta.url).href;
    const hook = (await import(file)) as { SOCKET_ADDRESS_HEADER: string };
    expect(hook.SOCKET_ADDRESS_HEADER).toBe(SOCKET_ADDRESS_HEADER);
    const server = http.createServer((request, response) => {
      response.end(String(request.headers[SOCKET_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [SOCKET_ADDRESS_HEADER]: '203.0.113.9' },
      });
      expect(await answer.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
