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
  const { view, couverture, premieresPages } = await loadDerniersBilansImprimes(
    (await params).classeId,
    query.jeton,
    query.partie,
    query.pages,
  );
  const jour = todayInParis();
  return (
    <>
      {/* The joined document is numbered, and each pupil's pages headed, when the parts are
          joined (lib/pdf/merge.ts). */}
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(jour)}`}
        numbered={false}
      />
      <DerniersBilansImprimes
        view={view}
        jour={jour}
        couverture={couverture}
        premieresPages={premieresPages}
      />
    </>
  );
}
