import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { getBilanPage } from '@/lib/bilans/bilan-page';
import { normalizeUuid } from '@/lib/common/ids';
import { claimPrintToken } from '@/lib/impression/print-access';
import { traceBilan } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import { BilanImprime } from '@/lib/ui/impression/bilan-imprime';

export const dynamic = 'force-dynamic';

export default async function BilanImpression({
  params,
  searchParams,
}: {
  params: Promise<{ apprenantId: string; bilanId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await params;
  const apprenantId = normalizeUuid(raw.apprenantId);
  const bilanId = normalizeUuid(raw.bilanId);
  if (!apprenantId || !bilanId) notFound();
  const db = await getDb();
  const lecteur = await claimPrintToken(db, (await searchParams).jeton, 'bilan', [
    apprenantId,
    bilanId,
  ]);
  if (!lecteur) notFound();
  const view = await getBilanPage(db, lecteur.etablissementId, apprenantId, bilanId, {
    selection: false,
  });
  if (!view) notFound();
  const route = `/impression/bilans/${apprenantId}/${bilanId}`;
  traceAfterResponse((db) =>
    traceBilan(db, lecteur, { action: 'impression', route, apprenantId, bilanId }),
  );
  return (
    <>
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(todayInParis())}`}
      />
      <BilanImprime view={view} />
    </>
  );
}
