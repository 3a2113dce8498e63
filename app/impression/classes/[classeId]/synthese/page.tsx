import { loadSyntheseImprimee } from '@/lib/impression/print-pages';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import { SyntheseImprimee } from '@/lib/ui/impression/synthese-imprimee';

export const dynamic = 'force-dynamic';

export default async function SyntheseImpression({
  params,
  searchParams,
}: {
  params: Promise<{ classeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const view = await loadSyntheseImprimee(
    (await params).classeId,
    query.jeton,
    query.au,
    query.tri,
  );
  const jour = todayInParis();
  return (
    <>
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(jour)}`}
        paysage
      />
      <SyntheseImprimee view={view} />
    </>
  );
}
