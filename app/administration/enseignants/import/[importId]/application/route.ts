import { applyEnseignantsImport } from '@/lib/administration/http/enseignants';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: { params: Promise<{ importId: string }> },
) {
  return applyEnseignantsImport(request, (await params).importId);
}
