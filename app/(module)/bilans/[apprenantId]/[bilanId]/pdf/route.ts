import { servePdf } from '@/lib/impression/pdf-route';

export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ apprenantId: string; bilanId: string }> },
) {
  const { apprenantId, bilanId } = await params;
  return servePdf('bilan', 'bilan', [apprenantId, bilanId], request);
}
