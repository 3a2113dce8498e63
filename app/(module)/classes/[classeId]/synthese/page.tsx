import type { Metadata } from 'next';
import { loadSynthesePage, synthesePageTitle } from '@/lib/synthese/page';
import { SynthesePageContent } from '@/lib/synthese/ui/page-content';

export const dynamic = 'force-dynamic';

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ classeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  const page = await loadSynthesePage((await params).classeId, await searchParams);
  return { title: synthesePageTitle(page) };
}

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
