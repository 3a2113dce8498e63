import type { Metadata } from 'next';
import { loadSieclePage } from '@/lib/pages/administration';
import { uploadSiecle } from '@/lib/administration/actions/siecle';
import { SieclePage } from '@/lib/ui/administration/siecle-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import SIECLE — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <SieclePage page={await loadSieclePage(await searchParams)} upload={uploadSiecle} />;
}
