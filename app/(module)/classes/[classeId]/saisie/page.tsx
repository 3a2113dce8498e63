import type { Metadata } from 'next';
import { loadSaisieClassePage, saisieClasseTitle } from '@/lib/saisie-classe/page';
import { saveGrid, validateGrid } from '@/lib/saisie-classe/actions';
import { SaisieClasseContent } from '@/lib/saisie-classe/ui/page-content';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ classeId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: saisieClasseTitle(await loadSaisieClassePage((await params).classeId)) };
}

export default async function SaisieClassePage({ params }: Params) {
  const page = await loadSaisieClassePage((await params).classeId);
  return (
    <SaisieClasseContent
      page={page}
      saveGrid={saveGrid.bind(null, page.classe.id)}
      validateGrid={validateGrid.bind(null, page.classe.id)}
    />
  );
}
