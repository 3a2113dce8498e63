import type { Metadata } from 'next';
import { bilanImprimeTitle, loadBilanImprime } from '@/lib/impression/print-pages';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import { BilanImprime } from '@/lib/ui/impression/bilan-imprime';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ apprenantId: string; bilanId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const view = await loadBilanImprime(await params, (await searchParams).jeton);
  return { title: { absolute: bilanImprimeTitle(view) } };
}

export default async function BilanImpression({ params, searchParams }: Props) {
  const view = await loadBilanImprime(await params, (await searchParams).jeton);
  return (
    <>
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(todayInParis())}`}
      />
      <BilanImprime view={view} />
    </>
  );
}
