// The French status page of the answers React does not render (route handlers: PDFs, CSV,
// PRONOTE refusals as pages, the database unavailable, the proxy's 404): the same page as
// lib/ui/status-page.tsx — its title, its message, a way back, in words (the status code is
// the response's, never shown) — in the same
// markup and look. (Next.js forbids react-dom/server in route handlers: the component cannot
// be rendered there, so this is its static twin; lib/ui/status-page.test.tsx keeps them alike.)
import { escapeHtml as escape } from '@/lib/common/safe-html';

/** What the page says above its title, instead of a status code (lib/ui/status-page.tsx). */
const STATUS_KICKER = 'CPRO — Bilans des compétences';

const NO_STORE = 'private, no-store';
/** The module's 404, in the app (app/not-found.tsx) and from our server (lib/server). */
export const NOT_FOUND_TITLE = 'Page introuvable';
export const NOT_FOUND_MESSAGE =
  'Cette page n’existe pas, ou ce que vous cherchez n’est pas disponible pour votre établissement.';

export const DEFAULT_LINK = { href: '/bilans', label: 'Retour aux bilans des compétences' };

// The status page's look (Tailwind's classes there, their values here).
const STYLE = `body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}
main{max-width:36rem;min-height:70vh;margin:0 auto;padding:4rem 1.5rem;display:flex;flex-direction:column;justify-content:center}
.code{font-size:.875rem;font-weight:600;letter-spacing:.025em;text-transform:uppercase;color:#475569;margin:0}
h1{margin:.5rem 0 0;font-size:1.875rem;font-weight:700}
.texte{margin-top:1rem;font-size:1.125rem;color:#334155}
a{color:#1e40af;font-weight:500}`;

/** The page's HTML (our server's own refusals, before Next.js, send it as is). */
export function messagePageHtml(
  status: number,
  title: string,
  message: string,
  link: { href: string; label: string } = DEFAULT_LINK,
  /** A value to copy (a token shown once), set apart in a selectable block. */
  value?: string,
): string {
  const shown = value
    ? `<p><code style="display:block;margin-top:1rem;padding:.75rem;background:#fff;border:1px solid #cbd5e1;border-radius:.375rem;word-break:break-all;font-size:1rem;user-select:all">${escape(value)}</code></p>`
    : '';
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} — CPRO</title><style>${STYLE}</style></head>
<body>${messageMainHtml(status, title, message, link, shown)}</body></html>`;
}

/** The page's content alone, with its look: for a page that has its own head. */
export function messageContentHtml(
  status: number,
  title: string,
  message: string,
  link: { href: string; label: string } = DEFAULT_LINK,
): string {
  return `<style>${STYLE}</style>${messageMainHtml(status, title, message, link, '')}`;
}

function messageMainHtml(
  status: number,
  title: string,
  message: string,
  link: { href: string; label: string },
  shown: string,
): string {
  return `<main data-statut="${status}"><p class="code">${STATUS_KICKER}</p><h1>${escape(title)}</h1><div class="texte"><p>${escape(message)}</p>${shown}<p><a href="${escape(link.href)}">${escape(link.label)}</a></p></div></main>`;
}

export function messagePage(
  status: number,
  title: string,
  message: string,
  headers: Record<string, string> = {},
  link: { href: string; label: string } = DEFAULT_LINK,
  /** A value to copy (a token shown once), set apart in a selectable block. */
  value?: string,
): Response {
  return new Response(messagePageHtml(status, title, message, link, value), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NO_STORE, ...headers },
  });
}
