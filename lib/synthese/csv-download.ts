// The synthesis's CSV download (its rows: csv-rows.ts), with the page's own `au` and `tri`
// (the PDF is a printed document: document/descriptor.tsx). A malformed or foreign class id,
// or a malformed date, is the French 404 page; the CSV's rows are traced as an export, one
// record per bilan.
import 'server-only';
import type { Teacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { normalizeUuid } from '@/lib/common/ids';
import { AppError, htmlError } from '@/lib/http/app-error';
import { bilansOfSynthese, getSynthese, parseTri } from '@/lib/synthese/query';
import { syntheseCsv } from '@/lib/synthese/csv-rows';
import { fileSlug } from '@/lib/impression/file-names';
import { create as contentDisposition } from 'content-disposition';
import { lecteurOf, traceShown } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
import { todayInParis, parseIsoDate } from '@/lib/common/dates';

function notFound(): Response {
  return htmlError(
    new AppError(
      'not_found',
      "Cette classe n'existe pas ou n'est pas disponible pour votre établissement.",
    ),
  );
}

/** `au` and `tri` of the request; `au` is undefined when it is given but is no date. */
function options(request: Request) {
  const params = new URL(request.url).searchParams;
  const rawAu = params.get('au');
  const au = rawAu ? parseIsoDate(rawAu) : null;
  return { au: rawAu && !au ? undefined : au, tri: parseTri(params.get('tri')) };
}

export async function syntheseCsvResponse(
  teacher: Teacher,
  rawClasseId: string,
  request: Request,
): Promise<Response> {
  const classeId = normalizeUuid(rawClasseId);
  const { au, tri } = options(request);
  if (!classeId || au === undefined) return notFound();
  const view = await getSynthese(await getDb(), teacher.etablissement.id, classeId, { au, tri });
  if (!view) return notFound();
  const route = `/classes/${classeId}/synthese/csv`;
  const shown = bilansOfSynthese(view);
  traceAfterResponse((db) =>
    traceShown(db, lecteurOf(teacher), { action: 'export_csv', route }, shown),
  );
  const filename = `synthese-${fileSlug(view.classe.nom)}-${view.classe.anneeScolaire}-${au ?? todayInParis()}.csv`;
  return new Response(syntheseCsv(view), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(filename),
      'Cache-Control': 'private, no-store',
    },
  });
}
