'use client';

// The class's documents, beside the class selector: « Imprimer le dernier bilan pour tous
// les élèves », the « Dossier du conseil de classe » (the synthesis, then every pupil's
// latest bilan), both with the « Recto verso » option (every pupil starts on an odd page, so
// that a duplex print gives one set of sheets per pupil) remembered for the browser's
// session, and the links to the synthesis and to « Préparation PRONOTE ». Secondary buttons:
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

export function ClassDocuments({ classeId }: { classeId: string }) {
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
        <PdfDownload
          href={`/classes/${classeId}/derniers-bilans/pdf${query}`}
          label="Imprimer le dernier bilan pour tous les élèves"
          pendingLabel="Préparation du PDF de la classe…"
          secondary
        />
        <PdfDownload
          href={`/classes/${classeId}/conseil/pdf${query}`}
          label="Dossier du conseil de classe"
          pendingLabel="Préparation du dossier du conseil…"
          secondary
        />
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
      </div>
    </div>
  );
}
