import type { Metadata } from 'next';
import { loadBilanPage } from '@/lib/pages/bilan';
import { BilanPageContent } from '@/lib/ui/bilans/bilan-page-content';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Bilan' };

export default async function BilanPage({
  params,
}: {
  params: Promise<{ apprenantId: string; bilanId: string }>;
}) {
  const { apprenantId, bilanId } = await params;
  return <BilanPageContent view={await loadBilanPage(apprenantId, bilanId)} />;
}
