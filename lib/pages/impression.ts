// The page a long class document's tab shows until its PDF is ready
// (/classes/<id>/<kind>/impression): the teacher checked, the document and its class read
// (lib/impression/print-wait.ts: unknown, malformed or another establishment's → the French
// 404), then — the PDF ready — straight to it, else where its print stands. No bilan is shown,
// so nothing is traced here: the PDF's route traces what it serves.
import 'server-only';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/session';
import { withDatabase } from '@/lib/http/database-unavailable';
import { toSearchParams, type SearchParams } from '@/lib/http/query';
import type { LongPrint } from '@/lib/common/print-state';
import { longPrint } from '@/lib/impression/print-wait';

// Cached for the request (by value): the page and its title read it once.
const loadOnce = cache(async function loadOnce(
  classeId: string,
  kind: string,
  search: string,
): Promise<LongPrint> {
  const teacher = await requireTeacher();
  const print = await withDatabase(() =>
    longPrint(teacher, kind, classeId, new URLSearchParams(search)),
  );
  if (!print) notFound();
  // Ready (printed earlier, for this teacher or a colleague): the PDF at once.
  if (print.state.etat === 'pret') redirect(print.pdfHref);
  return print;
});

export function loadPrintWaitPage(
  classeId: string,
  kind: string,
  params: SearchParams,
): Promise<LongPrint> {
  return loadOnce(classeId, kind, toSearchParams(params).toString());
}
