import type { Metadata } from 'next';
import { loadEnseignantsPreview } from '@/lib/pages/administration';
import { applyEnseignantsImport } from '@/lib/administration/actions/enseignants';
import { EnseignantsPreview } from '@/lib/ui/administration/enseignants-preview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Aperçu de l’import des enseignants — Administration' };

export default async function Page({ params }: { params: Promise<{ importId: string }> }) {
  const page = await loadEnseignantsPreview((await params).importId);
  return (
    <EnseignantsPreview page={page} apply={applyEnseignantsImport.bind(null, page.importId)} />
  );
}
