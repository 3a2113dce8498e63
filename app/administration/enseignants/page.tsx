import type { Metadata } from 'next';
import { loadEnseignantsPage } from '@/lib/pages/administration';
import {
  linkEnt,
  setActif,
  unlinkEnt,
  uploadEnseignants,
} from '@/lib/administration/actions/enseignants';
import { EnseignantsPage } from '@/lib/ui/administration/enseignants-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Enseignants — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadEnseignantsPage(await searchParams);
  return (
    <EnseignantsPage
      page={page}
      actions={{ upload: uploadEnseignants, setActif, linkEnt, unlinkEnt }}
    />
  );
}
