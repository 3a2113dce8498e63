// The French 404 in place of Next.js's empty shell, on a real socket, with a stand-in for
// Next.js that answers as it does: the head set, flushed, the page written in chunks.
import http from 'node:http';
import type net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE } from '@/lib/http/message-page';
import { serveNotFoundShells } from './not-found-shell';

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div>';
const PAGE = '<!DOCTYPE html><html lang="fr"><body><main><h1>Page introuvable</h1></main>';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    serveNotFoundShells(request, response);
    const url = new URL(request.url ?? '/', 'http://x');
    const gzip = url.searchParams.has('gzip');
    response.statusCode = Number(url.searchParams.get('status') ?? 404);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', "script-src 'nonce-abc'");
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    response.flushHeaders();
    const html = (url.pathname === '/shell' ? SHELL : PAGE) + '<script>1</script></body></html>';
    const body = gzip ? zlib.gzipSync(html) : Buffer.from(html);
    response.write(body.subarray(0, 20));
    response.end(body.subarray(20));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Next.js’s empty 404 shell', () => {
  it('gets the French 404 page as <noscript>, readable without JavaScript', async () => {
    for (const query of ['', '?gzip']) {
      const response = await fetch(`${base}/shell${query}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      const html = await response.text();
      const noscript = /<body><noscript>([\s\S]*?)<\/noscript><div hidden="">/.exec(html)?.[1];
      expect(noscript).toContain('<h1>Page introuvable</h1>');
      expect(noscript).toContain(NOT_FOUND_MESSAGE);
      // With JavaScript, the page is drawn from the shell's payload as before.
      expect(html).toContain('<script>1</script>');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
      expect(response.headers.get('content-security-policy')).toBe("script-src 'nonce-abc'");
    }
  });

  it('leaves any other answer as it was written', async () => {
    for (const url of ['/page', '/page?gzip', '/shell?status=200', '/page?status=200']) {
      const response = await fetch(`${base}${url}`);
      expect(await response.text(), url).not.toContain(NOT_FOUND_MESSAGE);
      expect(response.headers.get('content-security-policy'), url).toBe("script-src 'nonce-abc'");
    }
    // The client router's RSC fetch reads the shell's payload itself.
    const rsc = await fetch(`${base}/shell`, { headers: { rsc: '1' } });
    expect(await rsc.text()).toContain('__next_error__');
  });
});
