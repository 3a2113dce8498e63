import { requireTeacher } from '@/lib/auth/session';
import { synthesePdfResponse } from '@/lib/pages/synthese-exports';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ classeId: string }> }) {
  const teacher = await requireTeacher();
  return synthesePdfResponse(teacher, (await params).classeId, request);
}
