import { requireTeacher } from '@/lib/auth/session';
import { derniersBilansPdf } from '@/lib/impression/documents';
import { pdfDisposition, pdfResponse } from '@/lib/impression/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ classeId: string }> }) {
  const teacher = await requireTeacher();
  const { classeId } = await params;
  return pdfResponse(
    () => derniersBilansPdf(teacher, classeId, request.signal),
    pdfDisposition(request),
  );
}
