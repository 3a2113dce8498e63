// A small, self-contained French HTML answer for the cases a React page cannot give its
// own status to (PDF errors, database unavailable): status, title, message, a way back.
import { escapeHtml as escape } from '@/lib/common/safe-html';

const NO_STORE = 'private, no-store';
const DEFAULT_LINK = { href: '/bilans', label: 'Retour aux bilans des compétences' };

export function messagePage(
  status: number,
  title: string,
  message: string,
  headers: Record<string, string> = {},
  link: { href: string; label: string } = DEFAULT_LINK,
): Response {
  const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#0f172a">
<h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="${escape(link.href)}">${escape(link.label)}</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NO_STORE, ...headers },
  });
}
