import type { Metadata } from 'next';
import { bilanPageTitle, loadBilanScreen } from '@/lib/pages/bilan';
import { queryText, type SearchParams } from '@/lib/http/query';
import { BilanPageContent } from '@/lib/ui/bilans/bilan-page-content';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ apprenantId: string; bilanId: string }>;
  searchParams: Promise<SearchParams>;
};

async function load({ params, searchParams }: Props) {
  const { apprenantId, bilanId } = await params;
  return loadBilanScreen(apprenantId, bilanId, queryText(await searchParams, 'classe'));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: bilanPageTitle((await load(props)).view) };
}

export default async function BilanPage(props: Props) {
  const { view, writing, documents } = await load(props);
  return <BilanPageContent view={view} documents={documents} writing={writing} />;
}
