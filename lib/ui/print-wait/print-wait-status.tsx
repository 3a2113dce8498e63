'use client';
// Where a long print stands — « 12 élèves imprimés sur 30 » and a progress bar — asked again
// every second (the page's `…/impression/etat`), then the PDF in this very tab once it is
// ready (location.replace: « Retour » goes back to the class, not to this page). Without
// JavaScript the page refreshes itself (print-wait-page.tsx) and the server sends the PDF.
import { useEffect, useState } from 'react';
import { compte } from '@/lib/common/pluriel';
import { isPrintState, type PrintState } from '@/lib/common/print-state';

const POLL_MS = 1_000;

/** What the page says of a print under way. */
export function progressText(state: Extract<PrintState, { etat: 'en-cours' }>): string {
  if (state.total === null) return 'Préparation de l’impression…';
  if (state.total > 0 && state.faits >= state.total) {
    return `${compte(state.total, 'élève imprimé', 'élèves imprimés')} sur ${state.total} : assemblage du document…`;
  }
  return `${compte(state.faits, 'élève imprimé', 'élèves imprimés')} sur ${state.total}`;
}

export function PrintWaitStatus({
  initial,
  stateHref,
  pdfHref,
  retryHref,
}: {
  initial: PrintState;
  stateHref: string;
  pdfHref: string;
  retryHref: string;
}) {
  const [state, setState] = useState(initial);
  useEffect(() => {
    if (state.etat !== 'en-cours') return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(stateHref, {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        });
        if (response.redirected && new URL(response.url).pathname === '/login') {
          window.location.assign(response.url);
          return;
        }
        const next: unknown = await response.json();
        if (stopped) return;
        if (!isPrintState(next)) {
          const message = (next as { message?: unknown } | null)?.message;
          setState({
            etat: 'erreur',
            message: typeof message === 'string' ? message : 'Le PDF n’a pas pu être produit.',
            retryAfterSeconds: null,
          });
        } else if (next.etat === 'pret') {
          window.location.replace(pdfHref);
        } else {
          setState(next);
        }
      } catch {
        // The network hiccuped: ask again at the next tick (a new state object).
        if (!stopped) setState((s) => ({ ...s }));
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [state, stateHref, pdfHref]);

  if (state.etat === 'erreur') {
    return (
      <div className="mt-4">
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900"
        >
          {state.message}
        </p>
        <p className="mt-3">
          <a href={retryHref} className="font-semibold text-blue-800 underline">
            Réessayer
          </a>
        </p>
      </div>
    );
  }
  const faits = state.etat === 'en-cours' ? state.faits : 0;
  const total = state.etat === 'en-cours' ? state.total : null;
  const text = state.etat === 'en-cours' ? progressText(state) : 'PDF prêt : ouverture…';
  return (
    <div className="mt-4 max-w-xl">
      <progress
        aria-labelledby="avancement"
        className="h-4 w-full"
        value={total === null ? undefined : faits}
        max={total === null || total === 0 ? undefined : total}
      />
      <p id="avancement" role="status" aria-live="polite" className="mt-2 text-slate-800">
        {text}
      </p>
    </div>
  );
}
