// The one print page of every document (/impression/<kind>/<ids…>?…&jeton=…), read by our
// PDF browser only: the document found in the registry, its request read, a single-use
// token for exactly this page claimed (print-access.ts), its view loaded for the teacher the
// token names, and the bilans it shows traced to them. Anything wrong → 404. Read once per
// request: the page and its title share the token's one use.
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { toSearchParams, type SearchParams } from '@/lib/http/query';
import { traceShown } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
import type { PrintPage } from './document';
import { findDocument } from './documents';
import { claimPrintToken } from './print-access';
import { printTokenIds } from './print-route';

export function loadPrintPage(
  kind: string,
  ids: string[],
  searchParams: SearchParams,
): Promise<PrintPage> {
  // A stable key for React's per-request cache: the page and its metadata ask alike.
  return loadOnce(kind, JSON.stringify(ids), toSearchParams(searchParams).toString());
}

const loadOnce = cache(async function loadOnce(
  kind: string,
  idsJson: string,
  search: string,
): Promise<PrintPage> {
  const document = findDocument(kind);
  if (!document) notFound();
  const query = new URLSearchParams(search);
  const read = document.read(JSON.parse(idsJson) as string[], query);
  if (!read) notFound();
  const db = await getDb();
  const jetons = query.getAll('jeton');
  if (jetons.length !== 1) notFound();
  const lecteur = await claimPrintToken(db, jetons[0], kind, printTokenIds(read.route));
  if (!lecteur) notFound();
  const page = await read.page(db, lecteur.etablissementId);
  if (!page) notFound();
  const route = `/impression/${kind}/${read.route.ids.join('/')}`;
  traceAfterResponse((trace) =>
    traceShown(trace, lecteur, { action: 'impression', route }, page.shown),
  );
  return page;
});
