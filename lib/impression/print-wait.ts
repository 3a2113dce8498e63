// A long class document (printed in parts: « Derniers bilans », the council pack) as its
// waiting page sees it: the document found in the registry and its request read (a malformed
// id or parameter is its 404), its class checked against the teacher's establishment, then
// where its print stands — started here when nothing has started it (producer.ts). Shared by
// the page (/classes/<id>/<kind>/impression) and the state it polls (…/impression/etat).
import 'server-only';
import type { Teacher } from '@/lib/auth/session';
import { todayInParis } from '@/lib/common/dates';
import { getDb } from '@/lib/db/client';
import { normalizeUuid } from '@/lib/common/ids';
import { findDocument } from './documents';
import type { LongPrint } from '@/lib/common/print-state';
import { printState } from './producer';

export async function longPrint(
  teacher: Teacher,
  kind: string,
  classeId: string,
  query: URLSearchParams,
): Promise<LongPrint | null> {
  const document = findDocument(kind);
  if (!document || document.scope !== 'classe' || !document.long) return null;
  const request = document.read([classeId], query);
  if (!request) return null;
  const prepared = await request.prepare(await getDb(), teacher.etablissement.id);
  if (!prepared) return null;
  const state = await printState(teacher, request, prepared, document.lane.name, todayInParis());
  // The query was read by the document (its known parameters, well-formed): passed on as is.
  const search = query.toString();
  const suffix = search ? `?${search}` : '';
  const id = normalizeUuid(classeId) ?? classeId;
  const base = `/classes/${id}/${kind}`;
  return {
    title: prepared.waitingTitle,
    state,
    pdfHref: `${base}/pdf${suffix}`,
    pageHref: `${base}/impression${suffix}`,
    stateHref: `${base}/impression/etat${suffix}`,
    classeHref: `/bilans?classe=${id}`,
  };
}
