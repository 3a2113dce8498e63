// The one route handler of every PDF (/bilans/<a>/<b>/pdf, /classes/<id>/<kind>/pdf): the
// teacher's session checked first (withTeacher, lib/pipeline), the document found in the registry and its request read
// (a malformed id or parameter is its 404), its subject checked against the teacher's
// establishment before any browser is touched, the PDF produced (producer.ts), and the
// bilans it shows traced once the answer is sent. Errors are the French page — or, for a
// client asking for JSON (the PDF button), `{ erreur, message }` — with their status and
// Retry-After.
import 'server-only';
import { create as contentDisposition } from 'content-disposition';
import type { Teacher } from '@/lib/auth/session';
import { todayInParis } from '@/lib/common/dates';
import { getDb } from '@/lib/db/client';
import { AppError, asAppError, errorResponse } from '@/lib/http/app-error';
import { lecteurOf, traceShown } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
import { findDocument } from './documents';
import { producePdf } from './producer';

const NO_STORE = 'private, no-store';

/**
 * The route's scope: a bilan's PDF, or a class's document named by its kind, for `teacher`
 * (withTeacher checked their session first: lib/pipeline).
 */
export async function servePdf(
  teacher: Teacher,
  scope: 'bilan' | 'classe',
  kind: string,
  ids: string[],
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const document = findDocument(kind);
  if (!document || document.scope !== scope) {
    return errorResponse(request, new AppError('not_found', "Ce document n'existe pas."));
  }
  const notFound = () => errorResponse(request, new AppError('not_found', document.notFound));
  const read = document.read(ids, url.searchParams);
  if (!read) return notFound();
  try {
    const db = await getDb();
    const prepared = await read.prepare(db, teacher.etablissement.id);
    if (!prepared) return notFound();
    const pdf = await producePdf(
      teacher,
      read,
      prepared,
      document.lane.name,
      todayInParis(),
      request.signal,
    );
    const shown = await prepared.shown();
    const route = url.pathname;
    traceAfterResponse((trace) =>
      traceShown(trace, lecteurOf(teacher), { action: document.pdfAction, route }, shown),
    );
    // `?telechargement=1`: a download; otherwise shown inline (the browser's viewer prints it).
    const disposition = url.searchParams.get('telechargement') === '1' ? 'attachment' : 'inline';
    return new Response(new Uint8Array(pdf.bytes), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(pdf.filename, { type: disposition }),
        'Content-Length': String(pdf.bytes.length),
        'Cache-Control': NO_STORE,
      },
    });
  } catch (error) {
    const known = asAppError(error);
    if (known) return errorResponse(request, known);
    if (error instanceof Error && error.name === 'AbortError') {
      // The teacher left before the PDF was ready: nobody reads this answer.
      return errorResponse(request, new AppError('unavailable', 'Demande abandonnée.'));
    }
    console.error('[pdf] échec :', error);
    return errorResponse(
      request,
      new AppError('unavailable', 'Le PDF n’a pas pu être produit. Réessayez dans un instant.', {
        title: 'Impression PDF indisponible',
        retryAfterSeconds: 10,
      }),
    );
  }
}
