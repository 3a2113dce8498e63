// /api/metrics, in Prometheus's text format: only with `Authorization: Bearer <METRICS_TOKEN>`
// (compared in constant time); without METRICS_TOKEN the route does not exist (404), with a
// wrong token it is a 401. The figures name no pupil, account or path with ids.
import crypto from 'node:crypto';
import { appConfig } from '@/lib/config/env';
import { metrics } from './registry';

const NO_STORE = { 'Cache-Control': 'no-store' };

function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export async function metricsResponse(request: Request): Promise<Response> {
  const expected = appConfig().metricsToken;
  if (!expected) return new Response('Page introuvable.\n', { status: 404, headers: NO_STORE });
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!given || !sameToken(given, expected)) {
    return new Response('Jeton de métriques absent ou invalide.\n', {
      status: 401,
      headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="cpro-metrics"' },
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { ...NO_STORE, 'Content-Type': registry.contentType },
  });
}
