import type { Metadata } from 'next';
import { loadSelectionPage, selectionPageTitle } from '@/lib/pages/selection';
import { SelectionPageContent } from '@/lib/ui/bilans/selection-page-content';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams;
}): Promise<Metadata> {
  return { title: selectionPageTitle(await loadSelectionPage(await searchParams)) };
}

export default async function BilansPage({ searchParams }: { searchParams: SearchParams }) {
  return <SelectionPageContent page={await loadSelectionPage(await searchParams)} />;
}
