import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { getDerniersBilans } from '@/lib/bilans/bilan-page';
import { normalizeUuid } from '@/lib/common/ids';
import { claimPrintToken } from '@/lib/impression/print-access';
import { traceClasse } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
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
  const classeId = normalizeUuid((await params).classeId);
  if (!classeId) notFound();
  const db = await getDb();
  const lecteur = await claimPrintToken(db, (await searchParams).jeton, 'classe', [classeId]);
  if (!lecteur) notFound();
  const view = await getDerniersBilans(db, lecteur.etablissementId, classeId);
  if (!view) notFound();
  const route = `/impression/classes/${classeId}/derniers-bilans`;
  traceAfterResponse((db) => traceClasse(db, lecteur, classeId, route, 'impression'));
  const jour = todayInParis();
  return (
    <>
      <PageFooter text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(jour)}`} />
      <DerniersBilansImprimes view={view} jour={jour} />
    </>
  );
}
