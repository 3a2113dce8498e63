import { requireTeacher } from '@/lib/auth/session';
import { syntheseCsvResponse } from '@/lib/pages/synthese-exports';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ classeId: string }> }) {
  const teacher = await requireTeacher();
  return syntheseCsvResponse(teacher, (await params).classeId, request);
}
