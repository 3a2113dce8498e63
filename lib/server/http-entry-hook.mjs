// The first thing every HTTP request meets, before Next.js:
// - it is stamped with the address of the socket it came on, in a header of ours that
//   overwrites whatever a client sent under that name (Next.js fills X-Forwarded-For from
//   the socket only when the client sent none, so without this a client could choose the
//   address its sign-in attempts are counted against; lib/http/client-address.ts reads it);
// - a method the module does not use gets a 405 at once: Next.js builds a web Request for
//   every request, and the platform refuses to build one for TRACE (a 500 otherwise);
// - a request-target that is not a path (`OPTIONS *`, `GET http://other.host/x`) is
//   answered here: Next.js answers the first with a 500 and the second with a redirect to
//   the other host;
// - a request Node's parser refuses (an unknown method, a broken header) gets its 400
//   with the same security headers as every answer, not Node's bare one.
// Loaded before Next.js with `node --import` (scripts/start.ts) and again, idempotently,
// from instrumentation.ts for a bare `next start`. Plain JavaScript: Node loads it as is.
import http from 'node:http';

export const SOCKET_ADDRESS_HEADER = 'x-cpro-socket-address';
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

// As on every answer (next.config.mjs, lib/security/csp.ts).
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

function refuse(response, status, text, extra = {}) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    Connection: 'close',
    ...extra,
  });
  response.end(text);
}

/** Answers the request itself when Next.js must not see it; true when it did. */
export function answerBeforeNext(request, response) {
  if (!ALLOWED_METHODS.includes(request.method)) {
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
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
  return false;
}

/** Node's answer to a request its parser refused, with our headers. */
export function answerClientError(socket) {
  if (!socket.writable) return socket.destroy();
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    Connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const body = 'Requête invalide.\n';
  socket.end(
    `HTTP/1.1 400 Bad Request\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const INSTALLED = Symbol.for('cpro.httpEntryHook');

export function installHttpEntryHook() {
  const prototype = http.Server.prototype;
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function emitThroughEntry(event, request, response, ...rest) {
    if (event === 'request' && request?.headers) {
      if (answerBeforeNext(request, response)) return true;
    }
    if (event === 'clientError' && response) {
      answerClientError(response);
      return true;
    }
    return emit.call(this, event, request, response, ...rest);
  };
  prototype[INSTALLED] = true;
}

installHttpEntryHook();
