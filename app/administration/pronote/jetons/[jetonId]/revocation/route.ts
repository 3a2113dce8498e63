import { revokeToken } from '@/lib/administration/http/jetons';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ jetonId: string }> }) {
  return revokeToken(request, 'pronote', (await params).jetonId);
}
