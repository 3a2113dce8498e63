// Prometheus metrics, behind METRICS_TOKEN (docs/exploitation.md).
import { metricsResponse } from '@/lib/observability/metrics-route';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return metricsResponse(request);
}
