import type { Metadata } from 'next';
import { bilanPageTitle, loadBilanPage } from '@/lib/pages/bilan';
import { BilanPageContent } from '@/lib/ui/bilans/bilan-page-content';

export const dynamic = 'force-dynamic';
export async function generateMetadata({
  params,
}: {
  params: Promise<{ apprenantId: string; bilanId: string }>;
}): Promise<Metadata> {
  const { apprenantId, bilanId } = await params;
  return { title: bilanPageTitle(await loadBilanPage(apprenantId, bilanId)) };
}

export default async function BilanPage({
  params,
}: {
  params: Promise<{ apprenantId: string; bilanId: string }>;
}) {
  const { apprenantId, bilanId } = await params;
  return <BilanPageContent view={await loadBilanPage(apprenantId, bilanId)} />;
}
