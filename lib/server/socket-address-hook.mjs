// Stamps every incoming HTTP request with the address of the socket it came on, in a
// header of ours that overwrites whatever a client sent under that name. Next.js fills
// X-Forwarded-For from the socket only when the client sent none, so without this a
// client could choose the address its sign-in attempts are counted against. Loaded before
// Next.js with `node --import` (scripts/start.ts) and again, idempotently, from
// instrumentation.ts for a bare `next start`. Plain JavaScript: Node loads it as is.
import http from 'node:http';

export const SOCKET_ADDRESS_HEADER = 'x-cpro-socket-address';

const INSTALLED = Symbol.for('cpro.socketAddressHook');

export function installSocketAddressHook() {
  const prototype = http.Server.prototype;
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
    if (event === 'request' && request?.headers) {
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, request, ...rest);
  };
  prototype[INSTALLED] = true;
}

installSocketAddressHook();
