import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { getDerniersBilans } from '@/lib/bilans/bilan-page';
import { verifyPrintToken } from '@/lib/pdf/print-token';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/bilans/dates';
import { DerniersBilansImprimes } from '@/lib/ui/impression/derniers-bilans-imprimes';

export const dynamic = 'force-dynamic';

export default async function DerniersBilansImpression({
  params,
  searchParams,
}: {
  params: Promise<{ classeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { classeId } = await params;
  const etablissementId = verifyPrintToken((await searchParams).jeton, 'classe', [classeId]);
  if (!etablissementId) notFound();
  const view = await getDerniersBilans(await getDb(), etablissementId, classeId);
  if (!view) notFound();
  const jour = todayInParis();
  return (
    <>
      <PageFooter text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(jour)}`} />
      <DerniersBilansImprimes view={view} jour={jour} />
    </>
  );
}
