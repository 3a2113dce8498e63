// The bilan page as the teacher sees it: the selection form with its arrows and the class's
// documents, then the bilan (dates, texts, table, radar) with its PDF button beside the dates. Renders what it is given; the
// data comes from lib/pages/bilan.ts.
import type { BilanPageView } from '@/lib/bilans/bilan-view';
import { BilanView } from './bilan-view';
import { SelectionForm } from './selection-form';
import { PdfDownload } from '@/lib/ui/pdf-download';
import { ClassDocuments, type ClassDocumentButton } from './class-documents';
import Link from 'next/link';

const WRITE_LINK =
  'inline-block rounded-md bg-marine px-4 py-2 font-medium text-white hover:bg-blue-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-800';

export function BilanPageContent({
  view,
  documents,
  writing,
}: {
  view: BilanPageView;
  /** The class documents' buttons (lib/impression/documents/). */
  documents: ClassDocumentButton[];
  /** « Rédiger un bilan » for the class's team, and who wrote the bilan shown. */
  writing: {
    redaction: { href: string; label: string } | null;
    saisie: boolean;
    auteurs: string | null;
  };
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
        <ClassDocuments classeId={view.classe.id} documents={documents} saisie={writing.saisie} />
      </SelectionForm>
      {writing.redaction ? (
        <p className="no-print mt-4">
          <Link href={writing.redaction.href} className={WRITE_LINK}>
            {writing.redaction.label}
          </Link>
        </p>
      ) : (
        <p className="no-print mt-4 text-sm text-slate-700">
          Les bilans d&apos;un élève sont rédigés dans ce module par l&apos;équipe pédagogique de sa
          classe de cette année (« Rédiger un bilan », « Saisie des bilans ») ;
          l&apos;administrateur CPRO compose les équipes.
        </p>
      )}
      <BilanView
        view={view}
        auteurs={writing.auteurs}
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
