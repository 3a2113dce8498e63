// The tab of a long class document until its PDF is ready: what is being printed, how far it
// has gone (print-wait-status.tsx), and that the tab will show the PDF by itself. Without
// JavaScript the same status is drawn by the server and the page asks again every two seconds
// (a refresh in <noscript>, which a browser running JavaScript ignores); the server
// answers with the PDF once it is ready (lib/pages/impression.ts).
import type { LongPrint } from '@/lib/common/print-state';
import { PrintWaitStatus } from './print-wait-status';

const REFRESH_SECONDS = 2;

export function PrintWaitPage({ print }: { print: LongPrint }) {
  const { state } = print;
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold text-slate-900">{print.title}</h1>
      {state.etat === 'en-cours' && (
        <>
          <p className="mt-2 max-w-prose text-slate-700">
            Le PDF est en cours d’impression. Cet onglet l’affichera dès qu’il sera prêt : vous
            pouvez le laisser ouvert et continuer dans l’autre.
          </p>
          <noscript
            dangerouslySetInnerHTML={{
              __html: `<meta http-equiv="refresh" content="${REFRESH_SECONDS}">`,
            }}
          />
        </>
      )}
      <PrintWaitStatus
        initial={state}
        stateHref={print.stateHref}
        pdfHref={print.pdfHref}
        retryHref={print.pageHref}
      />
      <p className="mt-6">
        <a href={print.classeHref} className="text-blue-800 underline">
          Retour à la classe
        </a>
      </p>
    </main>
  );
}
