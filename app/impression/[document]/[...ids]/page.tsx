import type { Metadata } from 'next';
import { todayInParis } from '@/lib/common/dates';
import { loadPrintPage } from '@/lib/impression/print-page';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ document: string; ids: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { document, ids } = await params;
  return loadPrintPage(document, ids, await searchParams);
}

/** The PDF's title (Chromium takes the page's). */
export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: { absolute: (await load(props)).title } };
}

export default async function Impression(props: Props) {
  return (await load(props)).render(todayInParis());
}
