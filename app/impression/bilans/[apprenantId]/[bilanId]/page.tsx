import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { getBilanPage } from '@/lib/bilans/bilan-page';
import { verifyPrintToken } from '@/lib/pdf/print-token';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/bilans/dates';
import { BilanImprime } from '@/lib/ui/impression/bilan-imprime';

export const dynamic = 'force-dynamic';

export default async function BilanImpression({
  params,
  searchParams,
}: {
  params: Promise<{ apprenantId: string; bilanId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { apprenantId, bilanId } = await params;
  const etablissementId = verifyPrintToken((await searchParams).jeton, 'bilan', [
    apprenantId,
    bilanId,
  ]);
  if (!etablissementId) notFound();
  const view = await getBilanPage(await getDb(), etablissementId, apprenantId, bilanId, {
    selection: false,
  });
  if (!view) notFound();
  return (
    <>
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(todayInParis())}`}
      />
      <BilanImprime view={view} />
    </>
  );
}
