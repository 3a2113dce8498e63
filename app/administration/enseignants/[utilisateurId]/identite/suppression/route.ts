import { unlinkEnt } from '@/lib/administration/http/enseignants';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: { params: Promise<{ utilisateurId: string }> },
) {
  return unlinkEnt(request, (await params).utilisateurId);
}
