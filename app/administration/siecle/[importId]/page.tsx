import type { Metadata } from 'next';
import { loadSieclePreview } from '@/lib/pages/administration';
import { applySiecleImport } from '@/lib/administration/actions/siecle';
import { SieclePreview } from '@/lib/ui/administration/siecle-preview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Aperçu de l’import SIECLE — Administration' };

export default async function Page({ params }: { params: Promise<{ importId: string }> }) {
  const page = await loadSieclePreview((await params).importId);
  return <SieclePreview page={page} apply={applySiecleImport.bind(null, page.importId)} />;
}
