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
  const query = await searchParams;
  const { view, couverture } = await loadDerniersBilansImprimes(
    (await params).classeId,
    query.jeton,
    query.partie,
  );
  const jour = todayInParis();
  return (
    <>
      {/* The joined document is numbered as a whole when its parts are joined. */}
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(jour)}`}
        numbered={false}
      />
      <DerniersBilansImprimes view={view} jour={jour} couverture={couverture} />
    </>
  );
}
