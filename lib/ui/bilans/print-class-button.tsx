'use client';

// « Imprimer le dernier bilan pour tous les élèves » of the selected class, with the
// « Recto verso » option (every pupil starts on an odd page, so that a duplex print gives
// one set of sheets per pupil), remembered for the browser's session.
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

export function PrintClassButton({ classeId }: { classeId: string }) {
  const id = useId();
  const rectoVerso = useSyncExternalStore(
    subscribe,
    () => window.sessionStorage.getItem(REMEMBERED) === '1',
    () => false,
  );
  const href = `/classes/${classeId}/derniers-bilans/pdf${rectoVerso ? '?recto-verso=1' : ''}`;
  return (
    <div className="flex flex-col items-center gap-1">
      <PdfDownload
        href={href}
        label="Imprimer le dernier bilan pour tous les élèves"
        pendingLabel="Préparation du PDF de la classe…"
      />
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
    </div>
  );
}
