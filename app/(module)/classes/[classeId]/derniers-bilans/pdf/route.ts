import { requireTeacher } from '@/lib/auth/session';
import { derniersBilansPdf } from '@/lib/impression/documents';
import { pdfDisposition, pdfResponse } from '@/lib/impression/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ classeId: string }> }) {
  const teacher = await requireTeacher();
  const { classeId } = await params;
  // `?recto-verso=1`: every pupil starts on an odd page (a blank page where needed).
  const rectoVerso = new URL(request.url).searchParams.get('recto-verso') === '1';
  return pdfResponse(
    () => derniersBilansPdf(teacher, classeId, request.signal, { rectoVerso }),
    pdfDisposition(request),
  );
}
