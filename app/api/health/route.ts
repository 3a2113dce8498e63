import { loadHealth } from '@/lib/pages/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await loadHealth();
  return Response.json(health.body, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
