import type { Metadata } from 'next';
import { loadJournalPage } from '@/lib/pages/administration';
import { JournalTable } from '@/lib/ui/administration/journal-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Journal — Administration' };

export default async function JournalPage() {
  const { entrees } = await loadJournalPage();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Journal d’administration</h1>
      <p className="mt-2 text-slate-700">
        Chaque action d’administration, la plus récente d’abord. Le journal ne peut être ni modifié
        ni effacé.
      </p>
      {entrees.length === 0 ? (
        <p className="mt-4 text-slate-700">Aucune action pour l’instant.</p>
      ) : (
        <JournalTable
          entrees={entrees}
          caption="Journal d’administration, le plus récent d’abord"
        />
      )}
    </main>
  );
}
