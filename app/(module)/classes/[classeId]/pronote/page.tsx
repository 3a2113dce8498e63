import type { Metadata } from 'next';
import {
  loadPreparationPronotePage,
  preparationPronoteTitle,
} from '@/lib/preparation-pronote/page';
import { PreparationPronoteContent } from '@/lib/preparation-pronote/ui/page-content';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ classeId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return {
    title: preparationPronoteTitle(await loadPreparationPronotePage((await params).classeId)),
  };
}

export default async function PreparationPronotePage({ params }: Params) {
  return (
    <PreparationPronoteContent view={await loadPreparationPronotePage((await params).classeId)} />
  );
}
