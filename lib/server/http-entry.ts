// What our HTTP server does with a request before Next.js sees it (lib/server/main.ts):
// - it stamps the request with the address of the socket it came on, in a header of ours
//   that overwrites whatever a client sent under that name (Next.js fills X-Forwarded-For
//   from the socket only when the client sent none, so without this a client could choose
//   the address its sign-in attempts are counted against; lib/http/client-address.ts);
// - a method the module does not use gets a 405 at once (PUT and DELETE exist only on the
//   write API's bilans) (Next.js builds a web Request for
//   every request, and the platform refuses to build one for TRACE: a 500 otherwise);
// - a request-target that is not a path (`OPTIONS *`, `GET http://other.host/x`) is
//   answered here: Next.js answers the first with a 500 and redirects the second to the
//   other host;
// - a path whose percent-encoding is broken (`%zz`, a cut UTF-8 sequence) names nothing: a
//   French 404 (Next.js would answer a 500 while decoding the route's parameters) — here for
//   every path, the proxy (proxy.ts) skipping some;
// - a request Node's parser refuses (an unknown method, a broken header) gets its 400 with
//   the same security headers as every answer, not Node's bare one;
// - another site's post to a page (a form) is a French 403 (the browser's Sec-Fetch-Site);
// - a body larger than its route takes (lib/http/body-limits.ts) is a 413 naming the limit
//   before anything reads it, and a body without a declared length gets a 411 except where a
//   client may stream (the write API, whose handlers count it): Next.js's proxy buffers a body
//   to pass it on, so no body of unbounded length ever reaches it.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { SOCKET_ADDRESS_HEADER } from '@/lib/http/client-address';
import { LENGTH_REQUIRED_MESSAGE, bodyLimitFor, bodyTooLargeMessage } from '@/lib/http/body-limits';
import { NOT_FOUND_TITLE, messagePageHtml } from '@/lib/http/message-page';
import { sentByAnotherSite } from '@/lib/http/request-origin';

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];
// The write API's bilans (issue #28) are the one resource written with PUT and DELETE.
const WRITE_API_PATH = '/api/alimentation/v1/bilans/';
const WRITE_API_METHODS = ['PUT', 'DELETE'];

/** Whether the module answers `method` on this request-target. */
export function methodAllowed(method: string | undefined, url: string | undefined): boolean {
  if (ALLOWED_METHODS.includes(method ?? '')) return true;
  return WRITE_API_METHODS.includes(method ?? '') && !!url?.startsWith(WRITE_API_PATH);
}

// As on every answer (next.config.mjs, lib/security/csp.ts).
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

function refuse(
  response: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    Connection: 'close',
    ...extra,
  });
  response.end(text);
}

/** Answers the request itself when Next.js must not see it; true when it did. */
export function answerBeforeNext(request: IncomingMessage, response: ServerResponse): boolean {
  if (!methodAllowed(request.method, request.url)) {
    refuse(response, 405, 'Méthode non autorisée.\n', { Allow: ALLOWED_METHODS.join(', ') });
    request.resume();
    return true;
  }
  if (!request.url?.startsWith('/')) {
    if (request.method === 'OPTIONS' && request.url === '*') {
      response.writeHead(204, { ...SECURITY_HEADERS, Allow: ALLOWED_METHODS.join(', ') });
      response.end();
    } else {
      refuse(response, 400, 'Adresse de requête invalide.\n');
    }
    request.resume();
    return true;
  }
  if (hasMalformedEncoding(request.url)) {
    const page = messagePageHtml(
      404,
      NOT_FOUND_TITLE,
      'Cette adresse ne correspond à aucune page.',
    );
    send(response, 404, HTML, page);
    discardBody(request);
    return true;
  }
  if (refuseCrossSite(request, response)) return true;
  if (refuseBody(request, response)) return true;
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? '';
  return false;
}

/** Whether the path of `url` (before `?`) has a segment that cannot be percent-decoded. */
export function hasMalformedEncoding(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/**
 * Another site's post to a page (a form, a Server Action), as the browser says it: a French
 * 403 before anything reads it — never Next.js's 500 « Invalid Server Actions request », and
 * the same refusal for every form of the module. The APIs (`/api/…`) are called by servers
 * with tokens (or, for sign-in, check it themselves: lib/auth/next-auth/sign-in-guard.ts).
 */
function refuseCrossSite(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS')
    return false;
  if (request.url?.startsWith('/api/')) return false;
  const headers = { get: (name: string) => headerValue(request, name) };
  if (!sentByAnotherSite(headers)) return false;
  const page = messagePageHtml(
    403,
    'Formulaire refusé',
    'Ce formulaire ne vient pas d’une page du module : rien n’a été enregistré.',
  );
  send(response, 403, HTML, page);
  discardBody(request);
  return true;
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : null;
}

/** A 413 or 411 before the body is read (then discarded as it arrives, never held). */
function refuseBody(request: IncomingMessage, response: ServerResponse): boolean {
  const limit = bodyLimitFor(request.url ?? '/');
  const length = request.headers['content-length'];
  let status: 411 | 413 | null = null;
  if (length !== undefined) {
    if (Number(length) > limit.bytes) status = 413;
  } else if (request.headers['transfer-encoding'] !== undefined && !limit.streaming) {
    status = 411;
  }
  if (status === null) return false;
  const title = status === 413 ? 'Envoi trop volumineux' : 'Longueur requise';
  const text = status === 413 ? bodyTooLargeMessage(limit) : LENGTH_REQUIRED_MESSAGE;
  const json = limit.answer === 'json' || request.url?.startsWith('/api/');
  const body = json
    ? JSON.stringify({
        erreur: status === 413 ? 'trop_volumineux' : 'longueur_requise',
        message: text,
      })
    : messagePageHtml(status, title, text);
  send(response, status, json ? 'application/json; charset=utf-8' : HTML, body);
  discardBody(request);
  return true;
}

const HTML = 'text/html; charset=utf-8';

/** A whole answer of ours, with the security headers of every answer (Node sends no body to HEAD). */
function send(response: ServerResponse, status: number, contentType: string, body: string) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

/** Discarded, never held: a client still sending after its refusal. */
const LINGER_MS = 30_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/**
 * Reads what the client goes on sending, and drops it, so that the client reads its answer:
 * closing at once would reset a connection whose client is still writing (it gets EPIPE, never
 * the 413). nginx's lingering close, bounded the same way: 30 s or 64 MB, then the socket goes.
 */
function discardBody(request: IncomingMessage): void {
  let discarded = 0;
  const timer = setTimeout(() => request.socket.destroy(), LINGER_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) request.socket.destroy();
  });
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

/** The answer to a request Node's parser refused, with our headers. */
export function answerClientError(socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = 'Requête invalide.\n';
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 400 Bad Request\r\n${headers}\r\n${body}`);
}

/** How long an idle connection stays open: more than nginx's upstream keepalive_timeout. */
export const KEEP_ALIVE_MS = 65_000;

/** An HTTP server that applies these rules, then hands the request to `handle` (Next.js). */
export function createEntryServer(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
): http.Server {
  const server = http.createServer((request, response) => {
    if (answerBeforeNext(request, response)) return;
    void handle(request, response);
  });
  server.on('clientError', (_error, socket) => answerClientError(socket));
  // An idle kept-alive connection is closed by its client (nginx's upstream keepalive, 60 s
  // by default; a browser's), never by us first: Node's 5 s closed sockets a client was
  // reusing that very moment — a reset request, a 502 through nginx for a POST it cannot retry.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return server;
}
