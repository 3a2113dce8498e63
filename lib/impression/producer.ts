// Produces a document's PDF: from the shared cache, or by joining the print already under
// way for the same document, or printed from its print page with a signed, single-use
// token — a single print, or the parts its descriptor asks for. A teacher has at most
// MAX_PDFS_PER_TEACHER PDFs being printed at once in this process (per-teacher-limit.ts).
// The printer (lib/pdf) knows nothing of documents: the lanes it is given are theirs.
import 'server-only';
import type { Teacher } from '@/lib/auth/session';
import { getAuthSecret } from '@/lib/auth/secret';
import { appConfig } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { PdfCache, SharedPdfCache } from '@/lib/pdf/cache';
import { PdfRenderer } from '@/lib/pdf/renderer';
import type { DocumentRequest, PreparedDocument, PrintRoute } from './document';
import { DOCUMENTS } from './documents';
import { PerTeacherLimit } from './per-teacher-limit';
import { createPrintToken } from './print-token';
import { printPath, printTokenIds } from './print-route';
import { SharedWork } from './shared-work';
import { metrics } from '@/lib/observability/registry';

/** Bump when the print layout changes: cached PDFs of the old layout are then not served. */
export const TEMPLATE_VERSION = 'impression-2026-12-03-conseil-de-classe';

export interface PdfDocument {
  filename: string;
  bytes: Buffer;
}

const globalForPdf = globalThis as typeof globalThis & {
  cproPdf?: { renderer: PdfRenderer; cache: SharedPdfCache };
};

export function pdfService(): { renderer: PdfRenderer; cache: SharedPdfCache } {
  const { pdf } = appConfig();
  globalForPdf.cproPdf ??= {
    renderer: new PdfRenderer({
      allowedOrigin: new URL(pdf.printOrigin).origin,
      parallelPages: pdf.parallelPages,
      maxWaiting: pdf.maxWaiting,
      jobTimeoutMs: pdf.jobTimeoutMs,
      recycleAfter: pdf.recycleAfter,
      wsEndpoint: pdf.wsEndpoint,
      wsChromiumPath: pdf.wsChromiumPath,
      contextPerJob: pdf.contextPerJob,
      lanes: Object.fromEntries(DOCUMENTS.map((d) => [d.lane.name, d.lane.settings])),
    }),
    cache: new SharedPdfCache(getDb, pdf.cacheMaxBytes),
  };
  return globalForPdf.cproPdf;
}

/**
 * Closes the printer once the prints under way are done, waiting at most `budgetMs` (the
 * job budget: no print outlives it anyway): a server stopping on SIGTERM delivers them.
 */
export async function closePdfService(budgetMs = 0): Promise<void> {
  const service = globalForPdf.cproPdf;
  if (!service) return;
  const deadline = Date.now() + budgetMs;
  while (service.renderer.pending > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await service.renderer.close();
}

export const MAX_PDFS_PER_TEACHER = 2;
const perTeacher = new PerTeacherLimit(MAX_PDFS_PER_TEACHER);
const printing = new SharedWork<Buffer>();

/**
 * The PDF of `request` (already checked: `prepared` is its subject for this teacher).
 * `signal`: the request's (client gone → the job leaves the queue, unless another teacher
 * still waits for the same print).
 */
export async function producePdf(
  teacher: Teacher,
  request: DocumentRequest,
  prepared: PreparedDocument,
  lane: string,
  day: string,
  signal: AbortSignal | undefined,
): Promise<PdfDocument> {
  const { renderer, cache } = pdfService();
  const etablissementId = teacher.etablissement.id;
  const filename = prepared.fileName(day);
  const key = PdfCache.key(
    TEMPLATE_VERSION,
    request.kind,
    etablissementId,
    ...prepared.cacheKey(day),
  );
  const started = performance.now();
  const hit = await cache.get(key);
  metrics().cache.inc({ result: hit ? 'hit' : 'miss' });
  if (hit) {
    metrics().pdf.observe(
      { document: request.kind, cache: 'hit' },
      (performance.now() - started) / 1000,
    );
    return { filename, bytes: hit };
  }
  const bytes = await printing.run(key, signal, async (jobSignal) => {
    // Drawn when each print starts: a token lives a minute, a wait may be longer.
    const url = async (route: PrintRoute) => {
      const token = await createPrintToken(
        {
          etablissementId,
          utilisateurId: teacher.id,
          kind: request.kind,
          ids: printTokenIds(route),
        },
        Date.now(),
        getAuthSecret(),
      );
      return `${appConfig().pdf.printOrigin}${printPath(request.kind, route, token)}`;
    };
    // Only printing costs the browser's time: the per-teacher cap applies to it, not to hits.
    const printed = await perTeacher.run(teacher.id, () => {
      // Every print is tagged: a single document keeps its tags and bookmarks, and a part's
      // outline tells the join where each section starts.
      const options = { lane, signal: jobSignal, tagged: true } as const;
      return prepared.print(
        () => renderer.render(() => url(request.route), options),
        { renderer, options },
        url,
      );
    });
    // A PDF that could not be cached is still a PDF.
    await cache
      .set(key, printed)
      .catch((error: Error) => console.error('[pdf] mise en cache impossible :', error.message));
    return printed;
  });
  metrics().pdf.observe(
    { document: request.kind, cache: 'miss' },
    (performance.now() - started) / 1000,
  );
  return { filename, bytes };
}
