// The bilan page as the teacher sees it: the selection form with its arrows, then the
// bilan (dates, texts, table, radar) with its PDF button. Renders what it is given; the
// data comes from lib/pages/bilan.ts.
import type { BilanPageView } from '@/lib/bilans/bilan-view';
import { BilanView } from './bilan-view';
import { SelectionForm } from './selection-form';
import { PdfDownload } from '@/lib/ui/pdf-download';
import { PrintClassButton } from './print-class-button';
import { SyntheseLink } from '@/lib/ui/synthese/synthese-link';

export function BilanPageContent({ view }: { view: BilanPageView }) {
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <SelectionForm
        classes={view.classes}
        apprenants={view.apprenants}
        classeId={view.classe.id}
        apprenantId={view.apprenant.id}
        precedentId={view.precedentId}
        suivantId={view.suivantId}
      >
        <div className="flex flex-col items-center gap-2">
          <PrintClassButton classeId={view.classe.id} />
          <SyntheseLink classeId={view.classe.id} />
        </div>
      </SelectionForm>
      <BilanView
        view={view}
        actions={
          view.affiche && (
            <PdfDownload
              href={`/bilans/${view.apprenant.id}/${view.affiche.id}/pdf`}
              label="Générer en PDF"
              pendingLabel="Préparation du PDF…"
            />
          )
        }
      />
    </main>
  );
}
