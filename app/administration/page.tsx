import type { Metadata } from 'next';
import { loadAdministrationHome } from '@/lib/pages/administration';
import { AdministrationHomePage } from '@/lib/ui/administration/home-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Administration' };

export default async function Page() {
  return <AdministrationHomePage page={await loadAdministrationHome()} />;
}
