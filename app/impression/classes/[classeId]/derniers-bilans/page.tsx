import { loadDerniersBilansImprimes } from '@/lib/impression/print-pages';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import { DerniersBilansImprimes } from '@/lib/ui/impression/derniers-bilans-imprimes';

export const dynamic = 'force-dynamic';

export default async function DerniersBilansImpression({
  params,
  searchParams,
}: {
  params: Promise<{ classeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = await loadDerniersBilansImprimes(
    (await params).classeId,
    (await searchParams).jeton,
  );
  const jour = todayInParis();
  return (
    <>
      <PageFooter text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(jour)}`} />
      <DerniersBilansImprimes view={view} jour={jour} />
    </>
  );
}
