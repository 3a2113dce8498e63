// The bilan page as the teacher sees it: the selection form with its arrows and the class's
// documents, then the bilan (dates, texts, table, radar) with its PDF button beside the dates. Renders what it is given; the
// data comes from lib/pages/bilan.ts.
import type { BilanPageView } from '@/lib/bilans/bilan-view';
import { BilanView } from './bilan-view';
import { SelectionForm } from './selection-form';
import { PdfDownload } from '@/lib/ui/pdf-download';
import { ClassDocuments, type ClassDocumentButton } from './class-documents';

export function BilanPageContent({
  view,
  documents,
}: {
  view: BilanPageView;
  /** The class documents' buttons (lib/impression/documents/). */
  documents: ClassDocumentButton[];
}) {
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
        <ClassDocuments classeId={view.classe.id} documents={documents} />
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
