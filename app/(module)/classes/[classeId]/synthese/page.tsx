import type { Metadata } from 'next';
import { loadSynthesePage } from '@/lib/pages/synthese';
import { SynthesePageContent } from '@/lib/ui/synthese/synthese-page-content';

export const metadata: Metadata = { title: 'Synthèse de la classe' };
export const dynamic = 'force-dynamic';

export default async function SynthesePage({
  params,
  searchParams,
}: {
  params: Promise<{ classeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, auInvalide } = await loadSynthesePage((await params).classeId, await searchParams);
  return <SynthesePageContent view={view} auInvalide={auInvalide} />;
}
