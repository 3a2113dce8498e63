import type { Metadata } from 'next';
import { loadStsPage } from '@/lib/pages/administration';
import { uploadSts } from '@/lib/administration/actions/sts';
import { StsPage } from '@/lib/ui/administration/sts-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import STS-Web — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <StsPage page={await loadStsPage(await searchParams)} upload={uploadSts} />;
}
