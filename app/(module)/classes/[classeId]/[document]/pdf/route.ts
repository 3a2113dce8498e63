import { servePdf } from '@/lib/impression/pdf-route';

export const dynamic = 'force-dynamic';

// Every class document: /classes/<classeId>/<derniers-bilans|synthese|…>/pdf.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ classeId: string; document: string }> },
) {
  const { classeId, document } = await params;
  return servePdf('classe', document, [classeId], request);
}
