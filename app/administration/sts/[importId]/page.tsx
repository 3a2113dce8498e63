import type { Metadata } from 'next';
import { loadStsPreview } from '@/lib/pages/administration';
import { applyStsImport } from '@/lib/administration/actions/sts';
import { StsPreview } from '@/lib/ui/administration/sts-preview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Aperçu de l’import STS-Web — Administration' };

export default async function Page({ params }: { params: Promise<{ importId: string }> }) {
  const page = await loadStsPreview((await params).importId);
  return <StsPreview page={page} apply={applyStsImport.bind(null, page.importId)} />;
}
