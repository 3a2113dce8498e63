import type { Metadata } from 'next';
import { loadTokensPage } from '@/lib/pages/administration';
import { TokensPage } from '@/lib/ui/administration/tokens-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Alimentation des bilans — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AlimentationPage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadTokensPage('alimentation', await searchParams);
  return (
    <TokensPage
      title="Alimentation des bilans (API d’écriture)"
      intro="Le tableau de bord des apprenants (ou tout outil de l’établissement) envoie les bilans avec un jeton d’alimentation : il écrit des bilans, il ne lit pas l’export PRONOTE. Un jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un outil remplacé. Documentation de l’API : /api/alimentation/v1/openapi.json."
      basePath="/administration/alimentation"
      placeholder="Tableau de bord des apprenants"
      jetons={page.jetons}
      formToken={page.formToken}
      fait={page.fait}
      messages={{
        revoque: 'Jeton révoqué : il ne peut plus écrire de bilan.',
        introuvable: 'Ce jeton n’existe pas, ou il est déjà révoqué.',
      }}
    />
  );
}
