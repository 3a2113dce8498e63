import { removePeriode } from '@/lib/administration/http/periodes';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: { params: Promise<{ periodeId: string }> },
) {
  return removePeriode(request, (await params).periodeId);
}
