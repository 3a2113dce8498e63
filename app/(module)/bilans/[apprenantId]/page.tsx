import type { Metadata } from 'next';
import { loadBilanPage } from '@/lib/pages/bilan';
import { BilanPageContent } from '@/lib/ui/bilans/bilan-page-content';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Bilan' };

export default async function ApprenantPage({
  params,
}: {
  params: Promise<{ apprenantId: string }>;
}) {
  const { apprenantId } = await params;
  return <BilanPageContent view={await loadBilanPage(apprenantId, null)} />;
}
