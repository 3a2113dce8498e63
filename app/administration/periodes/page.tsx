import type { Metadata } from 'next';
import { loadPeriodesPage } from '@/lib/pages/administration';
import { addPeriode, editPeriode, removePeriode } from '@/lib/administration/actions/periodes';
import { PeriodesPage } from '@/lib/ui/administration/periodes-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Périodes — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadPeriodesPage(await searchParams);
  return (
    <PeriodesPage
      page={page}
      actions={{ add: addPeriode, edit: editPeriode, remove: removePeriode }}
    />
  );
}
