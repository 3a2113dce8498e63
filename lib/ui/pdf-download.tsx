'use client';

// A PDF opened in a new tab, where the browser's viewer shows and prints it: a plain link
// (target _blank) without JavaScript; with it, the tab is opened at once (in the click, so
// no pop-up blocker stops it), the file is prepared while the button says so (seconds for a
// whole class) and cannot be pressed twice, then the tab shows it — the server has it in
// its cache by then. A refusal (busy service, no browser…) is shown in French and the tab
// closed. If the browser refused the tab, the file is downloaded instead.
import { useEffect, useRef, useState } from 'react';

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** The French message of a refusal: the server answers JSON to this button (Accept). */
async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return typeof body?.message === 'string'
    ? body.message
    : `Le PDF n’a pas pu être produit (erreur ${response.status}).`;
}

export function PdfDownload({
  href,
  label,
  pendingLabel,
  secondary = false,
}: {
  href: string;
  label: string;
  pendingLabel: string;
  /** Outlined rather than filled: a document beside the page's main one. */
  secondary?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [pending]);

  async function onClick(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setSeconds(0);
    setError(null);
    const tab = window.open('', '_blank');
    if (tab) {
      tab.document.title = pendingLabel;
      tab.document.body.textContent = pendingLabel;
    }
    let shown = false;
    try {
      const response = await fetch(href, {
        credentials: 'same-origin',
        headers: { Accept: 'application/pdf, application/json' },
      });
      if (response.redirected && new URL(response.url).pathname === '/login') {
        window.location.assign(response.url);
        return;
      }
      if (!response.ok || response.headers.get('content-type') !== 'application/pdf') {
        setError(await messageOf(response));
        return;
      }
      if (tab && !tab.closed) {
        tab.location.replace(href);
        shown = true;
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(response, 'bilan.pdf');
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError('Le PDF n’a pas pu être téléchargé. Vérifiez votre connexion et réessayez.');
    } finally {
      if (!shown) tab?.close();
      busy.current = false;
      setPending(false);
    }
  }

  return (
    <div className={`flex flex-col gap-1 ${secondary ? 'items-start' : 'items-center'}`}>
      <a
        href={href}
        target="_blank"
        rel="noopener"
        onClick={onClick}
        aria-disabled={pending}
        className={`inline-flex items-center gap-2 rounded-md text-center font-semibold ${
          secondary ? 'border px-3 py-1.5 text-sm' : 'px-4 py-2 text-white'
        } ${
          pending
            ? secondary
              ? 'cursor-wait border-slate-500 text-slate-700'
              : 'cursor-wait bg-slate-500'
            : secondary
              ? 'border-blue-700 bg-white text-blue-800 hover:bg-blue-50'
              : 'bg-blue-800 hover:bg-blue-900'
        }`}
      >
        {label}
      </a>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {pending ? `${pendingLabel} (${seconds} s)` : ''}
      </p>
      {error && (
        <p role="alert" className="max-w-md text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
