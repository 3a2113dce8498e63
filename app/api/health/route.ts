import { databaseAnswers } from '@/lib/pages/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(
    ok ? { status: 'ok' } : { status: 'indisponible', database: 'injoignable' },
    {
      status: ok ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    },
  );
}
