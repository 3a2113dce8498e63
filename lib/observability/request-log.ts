// Each request, as our HTTP server sees it (lib/server/main.ts): an id — a trusted proxy's
// X-Request-Id when one sent it, else a new one — sent back as X-Request-Id; on the answer's
// end, one JSON log line (route pattern, method, status, duration) and the request metrics.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTrustedProxyAddress } from '@/lib/http/client-address';
import { logger } from './logger';
import { metrics } from './registry';
import { routePattern } from './routes';

export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function kindOf(route: string): string {
  if (route.endsWith('/pdf')) return 'pdf';
  if (route.startsWith('/api/')) return 'api';
  if (route === '(autre)' || route.startsWith('/_next/') || route === '/favicon.ico')
    return 'autre';
  return 'page';
}

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  if (
    typeof given === 'string' &&
    VALID_ID.test(given) &&
    isTrustedProxyAddress(request.socket.remoteAddress)
  ) {
    return given;
  }
  return crypto.randomUUID();
}

export function observe(request: IncomingMessage, response: ServerResponse): void {
  const started = process.hrtime.bigint();
  const id = requestIdOf(request);
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader('X-Request-Id', id);
  response.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routePattern(request.url);
    const status = String(response.statusCode);
    const method = request.method ?? '?';
    const m = metrics();
    m.requests.inc({ route, method, status });
    m.duration.observe({ kind: kindOf(route) }, seconds);
    logger().info(
      { requestId: id, method, route, status: response.statusCode, ms: Math.round(seconds * 1000) },
      'requête',
    );
  });
}
