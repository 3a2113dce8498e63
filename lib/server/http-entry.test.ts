// What our server answers before Next.js, on a real socket (the same server main.ts runs,
// with a stand-in for Next.js).
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_ADDRESS_HEADER } from '@/lib/http/client-address';
import { createEntryServer } from './http-entry';
import { BODY_LIMITS } from '@/lib/http/body-limits';

let server: http.Server;
let port: number;
let reached: string[] = [];

beforeAll(async () => {
  server = createEntryServer((request, response) => {
    reached.push(`${request.method} ${request.url}`);
    response.end(String(request.headers[SOCKET_ADDRESS_HEADER]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One request exactly as written, and the answer's head. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the entry of our server', () => {
  it('refuses a method the module does not use, TRACE included, with a 405', async () => {
    reached = [];
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await raw(`${method} / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer).toContain('Allow: GET, HEAD, POST, OPTIONS');
      expect(answer).toContain('X-Frame-Options: DENY');
    }
    expect(reached).toEqual([]);
  });

  it('lets PUT and DELETE through to the write API’s bilans only', async () => {
    reached = [];
    for (const method of ['PUT', 'DELETE']) {
      const ok = await raw(
        `${method} /api/alimentation/v1/bilans/abc HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      expect(ok).toMatch(/^HTTP\/1\.1 200 /);
    }
    for (const target of [
      '/api/alimentation/v1/lots',
      '/api/alimentation/v1/bilan',
      '/api/pronote/v1/bilans',
    ]) {
      const refused = await raw(`PUT ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(refused, target).toMatch(/^HTTP\/1\.1 405 /);
    }
    const patch = await raw(
      'PATCH /api/alimentation/v1/bilans/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(patch).toMatch(/^HTTP\/1\.1 405 /);
    expect(reached).toEqual([
      'PUT /api/alimentation/v1/bilans/abc',
      'DELETE /api/alimentation/v1/bilans/abc',
    ]);
  });

  it('answers OPTIONS *, absolute targets and parser errors itself, with our headers', async () => {
    reached = [];
    expect(await raw('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 204 [\s\S]*Allow: GET, HEAD, POST, OPTIONS/,
    );
    const absolute = await raw('GET http://evil.test/x HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(absolute).toMatch(/^HTTP\/1\.1 400 /);
    expect(absolute).not.toMatch(/location:/i);
    const broken = await raw('FOO / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 [\s\S]*X-Content-Type-Options: nosniff/);
    expect(reached).toEqual([]);
  });

  it('answers a path whose percent-encoding is broken with a French 404, before Next.js', async () => {
    reached = [];
    for (const target of ['/bilans/%zz', '/classes/%E0%A4%A/saisie/ligne', '/a%?x=1']) {
      const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 404 [\s\S]*Content-Security-Policy: /);
      expect(answer, target).toContain('Cette adresse ne correspond à aucune page.');
    }
    // A query's own percent-encoding is the page's business, not the path's.
    await raw('GET /bilans?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(reached).toEqual(['GET /bilans?q=%zz']);
  });

  it('refuses a body over its route’s limit (413, the limit named) before anything reads it', async () => {
    reached = [];
    const over = (path: string, bytes: number) =>
      raw(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes}\r\nConnection: close\r\n\r\n`,
      );
    const form = await over('/login', BODY_LIMITS.formulaire.bytes + 1);
    expect(form).toMatch(/^HTTP\/1\.1 413 [\s\S]*Content-Type: text\/html/);
    expect(form).toContain('dépasse 64 Kio');
    const lot = await over('/api/alimentation/v1/lots', BODY_LIMITS.lot.bytes + 1);
    expect(lot).toMatch(/^HTTP\/1\.1 413 [\s\S]*application\/json/);
    expect(lot).toContain('"erreur":"trop_volumineux"');
    expect(lot).toContain('dépasse 20 Mo');
    const siecle = await over('/administration/siecle', BODY_LIMITS.siecle.bytes + 1);
    expect(siecle).toContain('dépasse 20 Mo');
    expect(reached).toEqual([]);
    // At the limit, it goes on.
    const at = await raw(
      `POST /api/alimentation/v1/lots HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(at).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('refuses a body of undeclared length (chunked) except where a client may stream', async () => {
    reached = [];
    const chunked = (path: string) =>
      raw(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      );
    expect(await chunked('/administration/siecle')).toMatch(/^HTTP\/1\.1 411 /);
    expect(await chunked('/api/auth/callback/credentials')).toMatch(/^HTTP\/1\.1 411 /);
    expect(reached).toEqual([]);
    // The write API counts a streamed body itself (lib/http/body.ts).
    expect(await chunked('/api/alimentation/v1/lots')).toMatch(/^HTTP\/1\.1 200 /);
    expect(reached).toEqual(['POST /api/alimentation/v1/lots']);
  });

  it('refuses another site’s post to a page with a French 403, before anything reads it', async () => {
    reached = [];
    const post = (path: string, headers: string) =>
      raw(
        `POST ${path} HTTP/1.1\r\nHost: x\r\n${headers}Content-Length: 2\r\nConnection: close\r\n\r\n{}`,
      );
    const crossSite = await post('/administration/periodes', 'Sec-Fetch-Site: cross-site\r\n');
    expect(crossSite).toMatch(/^HTTP\/1\.1 403 /);
    expect(crossSite).toContain('Ce formulaire ne vient pas d’une page du module');
    expect(await post('/bilans/x/rediger', 'Origin: https://attaquant.example\r\n')).toMatch(
      /^HTTP\/1\.1 403 /,
    );
    expect(reached).toEqual([]);
    // Our own pages' posts (same-origin, or Origin: null under no-referrer), and the token APIs.
    expect(await post('/administration/periodes', 'Sec-Fetch-Site: same-origin\r\n')).toMatch(
      /^HTTP\/1\.1 200 /,
    );
    expect(await post('/administration/periodes', 'Origin: null\r\n')).toMatch(/^HTTP\/1\.1 200 /);
    expect(await post('/api/alimentation/v1/lots', 'Sec-Fetch-Site: cross-site\r\n')).toMatch(
      /^HTTP\/1\.1 200 /,
    );
  });

  it('overwrites a header the client sent under our name with the socket address', async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [SOCKET_ADDRESS_HEADER]: '203.0.113.9' },
    });
    expect(await answer.text()).toBe('127.0.0.1');
  });

  it(
    'keeps an idle connection open longer than Node’s 5 s, for nginx and browsers to reuse',
    {
      timeout: 20_000,
    },
    async () => {
      // Closed first by us, a connection its client reuses that very moment is reset: a failed
      // request, or a 502 through nginx (upstream keepalive, 60 s) for a post it cannot retry.
      const socket = net.connect(port, '127.0.0.1');
      let closed = false;
      let answers = '';
      socket.on('close', () => (closed = true));
      socket.on('data', (chunk) => (answers += chunk.toString()));
      const request = 'GET /bilans HTTP/1.1\r\nHost: localhost\r\n\r\n';
      socket.write(request);
      await new Promise((resolve) => setTimeout(resolve, 6000));
      expect(closed).toBe(false);
      socket.write(request);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answers.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
      socket.destroy();
    },
  );
});
