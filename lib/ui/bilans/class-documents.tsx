'use client';

// The class's documents, beside the class selector — each registered document that has a
// button (lib/impression/documents/: « Imprimer le dernier bilan pour tous les élèves », the
// « Dossier du conseil de classe »), given by the page —, all with the « Recto verso » option (every pupil starts on an odd page, so
// that a duplex print gives one set of sheets per pupil) remembered for the browser's
// session, and the links to the synthesis, to « Préparation PRONOTE » and, for the class's team,
// to « Saisie des bilans ». Secondary buttons:
// on a pupil's page the loudest control is that pupil's own PDF.
import Link from 'next/link';
import { useId, useSyncExternalStore } from 'react';
import { PdfDownload } from '@/lib/ui/pdf-download';

const REMEMBERED = 'cpro-recto-verso';
const CHANGED = 'cpro-recto-verso-change';

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

const LINK =
  'inline-block rounded-md border border-blue-700 bg-white px-3 py-1.5 text-sm font-semibold text-blue-800 hover:bg-blue-50';

/** A class document's button, as its descriptor gives it (lib/impression/documents/). */
export interface ClassDocumentButton {
  kind: string;
  labels: { label: string; pendingLabel: string };
  /** Printed in parts (seconds for a class): its tab shows the print's progress first. */
  long: boolean;
}

export function ClassDocuments(props: {
  classeId: string;
  documents: ClassDocumentButton[];
  /** « Saisie des bilans », for the team of a class of this year. */
  saisie?: boolean;
}) {
  // On a phone the class's documents fold into one control, so that the bilan comes first on
  // the screen; from a tablet's width on, they show beside the selection, always open
  // (globals.css: `.documents-classe`). One copy of them: no JavaScript needed either way.
  return (
    <details className="documents-classe w-full">
      <summary className="cursor-pointer rounded-md border border-blue-700 bg-white px-3 py-1.5 text-sm font-semibold text-blue-800">
        Documents de la classe
      </summary>
      <div className="mt-2 md:mt-0">
        <Documents {...props} />
      </div>
    </details>
  );
}

function Documents({
  classeId,
  documents,
  saisie = false,
}: {
  classeId: string;
  documents: ClassDocumentButton[];
  saisie?: boolean;
}) {
  const id = useId();
  const rectoVerso = useSyncExternalStore(
    subscribe,
    () => window.sessionStorage.getItem(REMEMBERED) === '1',
    () => false,
  );
  const query = rectoVerso ? '?recto-verso=1' : '';
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap items-start gap-2">
        {documents.map((d) =>
          d.long ? (
            // Its own tab, our page showing the print's progress, then the PDF in it.
            <a
              key={d.kind}
              href={`/classes/${classeId}/${d.kind}/impression${query}`}
              target="_blank"
              rel="noopener"
              className={`${LINK} text-center`}
            >
              {d.labels.label}
            </a>
          ) : (
            <PdfDownload
              key={d.kind}
              href={`/classes/${classeId}/${d.kind}/pdf${query}`}
              label={d.labels.label}
              pendingLabel={d.labels.pendingLabel}
              secondary
            />
          ),
        )}
      </div>
      <div className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          checked={rectoVerso}
          onChange={(event) => {
            window.sessionStorage.setItem(REMEMBERED, event.target.checked ? '1' : '0');
            window.dispatchEvent(new Event(CHANGED));
          }}
        />
        <label htmlFor={id}>Recto verso (chaque élève commence sur une page impaire)</label>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link href={`/classes/${classeId}/synthese`} className={LINK}>
          Synthèse de la classe
        </Link>
        <Link href={`/classes/${classeId}/pronote`} className={LINK}>
          Préparation PRONOTE
        </Link>
        {saisie && (
          <Link href={`/classes/${classeId}/saisie`} className={LINK}>
            Saisie des bilans
          </Link>
        )}
      </div>
    </div>
  );
}
