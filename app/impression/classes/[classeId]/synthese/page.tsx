import type { Metadata } from 'next';
import { loadSyntheseImprimee } from '@/lib/impression/print-pages';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import { SyntheseImprimee } from '@/lib/ui/impression/synthese-imprimee';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ classeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const query = await searchParams;
  return loadSyntheseImprimee((await params).classeId, query.jeton, query.au, query.tri);
}

/** The PDF's title (Chromium takes the page's). */
export async function generateMetadata(props: Props): Promise<Metadata> {
  const { classe } = await load(props);
  return { title: { absolute: `Synthèse de la classe ${classe.nom} ${classe.anneeScolaire}` } };
}

export default async function SyntheseImpression(props: Props) {
  const view = await load(props);
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
