import type { Metadata } from 'next';
import { loadTokensPage } from '@/lib/pages/administration';
import { TokensPage } from '@/lib/ui/administration/tokens-page';
import { createToken, revokeToken } from '@/lib/administration/actions/jetons';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'PRONOTE — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PronotePage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadTokensPage('pronote', await searchParams);
  return (
    <TokensPage
      nature="pronote"
      jetons={page.jetons}
      fait={page.fait}
      actions={{ create: createToken, revoke: revokeToken }}
    />
  );
}
