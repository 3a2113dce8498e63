import type { Metadata } from 'next';
import { loadPrintWaitPage } from '@/lib/pages/impression';
import { PrintWaitPage } from '@/lib/ui/print-wait/print-wait-page';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ classeId: string; document: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { classeId, document } = await params;
  const print = await loadPrintWaitPage(classeId, document, await searchParams);
  return { title: `Impression en cours — ${print.title}` };
}

export default async function Page({ params, searchParams }: Props) {
  const { classeId, document } = await params;
  return <PrintWaitPage print={await loadPrintWaitPage(classeId, document, await searchParams)} />;
}
