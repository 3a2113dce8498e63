import { requireTeacher } from '@/lib/auth/session';
import { bilanPdf } from '@/lib/impression/documents';
import { pdfDisposition, pdfResponse } from '@/lib/impression/http';

export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ apprenantId: string; bilanId: string }> },
) {
  // The session and establishment are checked before any browser is touched.
  const teacher = await requireTeacher();
  const { apprenantId, bilanId } = await params;
  return pdfResponse(
    () => bilanPdf(teacher, apprenantId, bilanId, request.signal),
    pdfDisposition(request),
  );
}
