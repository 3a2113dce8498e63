import { setActif } from '@/lib/administration/http/enseignants';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: { params: Promise<{ utilisateurId: string }> },
) {
  return setActif(request, (await params).utilisateurId, true);
}
