import type { Metadata } from 'next';
import { loadRedactionPage } from '@/lib/redaction/page';
import { writeBilan } from '@/lib/redaction/actions';
import { RedactionPageContent } from '@/lib/redaction/ui/page-content';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ apprenantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadRedactionPage((await params).apprenantId);
  return { title: `Rédiger le bilan de ${page.apprenant.nom} ${page.apprenant.prenom}` };
}

export default async function RedigerPage({ params }: Props) {
  const page = await loadRedactionPage((await params).apprenantId);
  return <RedactionPageContent page={page} action={writeBilan.bind(null, page.apprenant.id)} />;
}
