import type { Metadata } from 'next';
import { loadTokensPage } from '@/lib/pages/administration';
import { TokensPage } from '@/lib/ui/administration/tokens-page';
import { createToken, revokeToken } from '@/lib/administration/actions/jetons';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Alimentation des bilans — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AlimentationPage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadTokensPage('alimentation', await searchParams);
  return (
    <TokensPage
      nature="alimentation"
      jetons={page.jetons}
      fait={page.fait}
      actions={{ create: createToken, revoke: revokeToken }}
    />
  );
}
