import type { Metadata } from 'next';
import { loadTokensPage } from '@/lib/pages/administration';
import { TokensPage } from '@/lib/ui/administration/tokens-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'PRONOTE — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PronotePage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadTokensPage('pronote', await searchParams);
  return (
    <TokensPage
      title="Connecteur PRONOTE"
      intro="PRONOTE lit les bilans validés de la période en cours avec un jeton de l’établissement. Un jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un connecteur remplacé."
      basePath="/administration/pronote"
      placeholder="Connecteur PRONOTE"
      jetons={page.jetons}
      formToken={page.formToken}
      fait={page.fait}
      messages={{
        revoque: 'Jeton révoqué : PRONOTE ne peut plus lire les bilans avec lui.',
        introuvable: 'Ce jeton n’existe pas, ou il est déjà révoqué.',
      }}
    />
  );
}
