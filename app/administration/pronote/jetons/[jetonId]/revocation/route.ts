import { revokeJeton } from '@/lib/administration/http/pronote';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ jetonId: string }> }) {
  return revokeJeton(request, (await params).jetonId);
}
