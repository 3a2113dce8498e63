import type { Metadata } from 'next';
import { bilanPageTitle, loadBilanPage } from '@/lib/pages/bilan';
import { BilanPageContent } from '@/lib/ui/bilans/bilan-page-content';

export const dynamic = 'force-dynamic';
export async function generateMetadata({
  params,
}: {
  params: Promise<{ apprenantId: string }>;
}): Promise<Metadata> {
  const { apprenantId } = await params;
  return { title: bilanPageTitle(await loadBilanPage(apprenantId, null)) };
}

export default async function ApprenantPage({
  params,
}: {
  params: Promise<{ apprenantId: string }>;
}) {
  const { apprenantId } = await params;
  return <BilanPageContent view={await loadBilanPage(apprenantId, null)} />;
}
