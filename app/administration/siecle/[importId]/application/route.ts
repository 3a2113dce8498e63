import { applySiecleImport } from '@/lib/administration/http/siecle';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: { params: Promise<{ importId: string }> },
) {
  return applySiecleImport(request, (await params).importId);
}
