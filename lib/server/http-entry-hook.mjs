// The first thing every HTTP request meets, before Next.js:
// - it is stamped with the address of the socket it came on, in a header of ours that
//   overwrites whatever a client sent under that name (Next.js fills X-Forwarded-For from
//   the socket only when the client sent none, so without this a client could choose the
//   address its sign-in attempts are counted against; lib/http/client-address.ts reads it);
// - a method the module does not use gets a 405 at once: Next.js builds a web Request for
//   every request, and the platform refuses to build one for TRACE (a 500 otherwise).
// Loaded before Next.js with `node --import` (scripts/start.ts) and again, idempotently,
// from instrumentation.ts for a bare `next start`. Plain JavaScript: Node loads it as is.
import http from 'node:http';

export const SOCKET_ADDRESS_HEADER = 'x-cpro-socket-address';
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

// As on every answer (next.config.mjs, lib/security/csp.ts).
const REFUSAL_HEADERS = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  Allow: ALLOWED_METHODS.join(', '),
  Connection: 'close',
};

const INSTALLED = Symbol.for('cpro.httpEntryHook');

export function installHttpEntryHook() {
  const prototype = http.Server.prototype;
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function emitThroughEntry(event, request, response, ...rest) {
    if (event === 'request' && request?.headers) {
      if (!ALLOWED_METHODS.includes(request.method)) {
        response.writeHead(405, REFUSAL_HEADERS);
        response.end('Méthode non autorisée.\n');
        request.resume();
        return true;
      }
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, request, response, ...rest);
  };
  prototype[INSTALLED] = true;
}

installHttpEntryHook();
