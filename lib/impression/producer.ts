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
import { asAppError } from '@/lib/http/app-error';
import { PrintProgress } from './print-progress';
import type { PrintState } from '@/lib/common/print-state';

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
/** Shared by the instances; a print without news for its job budget and half a minute is abandoned. */
let sharedProgress: PrintProgress | undefined;
function progress(): PrintProgress {
  sharedProgress ??= new PrintProgress(getDb, appConfig().pdf.jobTimeoutMs + 30_000);
  return sharedProgress;
}

/** News of a print is worth a log line when it cannot be written, never the print itself. */
function report(news: Promise<void>): void {
  news.catch((error: Error) => console.error('[pdf] avancement non enregistré :', error.message));
}

interface PdfJob {
  key: string;
  filename: string;
}

function jobOf(
  teacher: Teacher,
  request: DocumentRequest,
  prepared: PreparedDocument,
  day: string,
): PdfJob {
  return {
    filename: prepared.fileName(day),
    key: PdfCache.key(
      TEMPLATE_VERSION,
      request.kind,
      teacher.etablissement.id,
      ...prepared.cacheKey(day),
    ),
  };
}

/**
 * Prints the document (or joins the print of it under way) and caches it; the print reports
 * how far it has gone (`progress`) whoever asked for it.
 */
function print(
  teacher: Teacher,
  request: DocumentRequest,
  prepared: PreparedDocument,
  lane: string,
  job: PdfJob,
  signal: AbortSignal | undefined,
): Promise<Buffer> {
  const { renderer, cache } = pdfService();
  const etablissementId = teacher.etablissement.id;
  return printing.run(job.key, signal, async (jobSignal) => {
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
    let outcome: 'cached' | 'not-cached' | 'failed' = 'failed';
    try {
      // Only printing costs the browser's time: the per-teacher cap applies to it, not to hits.
      const printed = await perTeacher.run(teacher.id, () => {
        // Every print is tagged: a single document keeps its tags and bookmarks, and a part's
        // outline tells the join where each section starts.
        const options = { lane, signal: jobSignal, tagged: true } as const;
        return prepared.print(
          () => renderer.render(() => url(request.route), options),
          {
            renderer,
            options,
            progress: (faits, total) => report(progress().advanced(job.key, faits, total)),
          },
          url,
        );
      });
      // A PDF that could not be cached is still a PDF.
      const cached = await cache.set(job.key, printed).catch((error: Error) => {
        console.error('[pdf] mise en cache impossible :', error.message);
        return false;
      });
      outcome = cached ? 'cached' : 'not-cached';
      return printed;
    } finally {
      await progress()
        .finished(job.key, outcome)
        .catch((error: Error) => console.error('[pdf] avancement non effacé :', error.message));
    }
  });
}

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
  const { cache } = pdfService();
  const job = jobOf(teacher, request, prepared, day);
  const started = performance.now();
  const hit = await cache.get(job.key);
  metrics().cache.inc({ result: hit ? 'hit' : 'miss' });
  if (hit) {
    metrics().pdf.observe(
      { document: request.kind, cache: 'hit' },
      (performance.now() - started) / 1000,
    );
    return { filename: job.filename, bytes: hit };
  }
  const bytes = await print(teacher, request, prepared, lane, job, signal);
  metrics().pdf.observe(
    { document: request.kind, cache: 'miss' },
    (performance.now() - started) / 1000,
  );
  return { filename: job.filename, bytes };
}

/**
 * Where the PDF of `request` stands, for the page that waits for it: under way (pupils printed
 * of how many), ready in the cache, or failed (said once). Starts the print when nothing has:
 * it then runs to its end (its job budget bounds it) and lands in the cache, whether or not
 * the page is still open.
 */
export async function printState(
  teacher: Teacher,
  request: DocumentRequest,
  prepared: PreparedDocument,
  lane: string,
  day: string,
): Promise<PrintState> {
  const job = jobOf(teacher, request, prepared, day);
  // Without a cache the waiting page has nothing to wait for: the PDF route prints it.
  if (!pdfService().cache.enabled) return { etat: 'pret' };
  const known = await progress().take(job.key);
  if (known) return known;
  if (await pdfService().cache.get(job.key)) return { etat: 'pret' };
  // Another instance (or another tab here) may have claimed it since: then it is under way.
  if (!(await progress().claim(job.key))) {
    return (await progress().take(job.key)) ?? { etat: 'en-cours', faits: 0, total: null };
  }
  const started = performance.now();
  print(teacher, request, prepared, lane, job, undefined).then(
    () =>
      metrics().pdf.observe(
        { document: request.kind, cache: 'miss' },
        (performance.now() - started) / 1000,
      ),
    (error: unknown) => {
      const known = asAppError(error);
      if (!known) console.error('[pdf] échec :', error);
      report(
        progress().failedWith(
          job.key,
          known?.message ?? 'Le PDF n’a pas pu être produit. Réessayez dans un instant.',
          known?.details.retryAfterSeconds ?? null,
        ),
      );
    },
  );
  // The print has said how many pupils it prints (this instance knows at once).
  return (await progress().take(job.key)) ?? { etat: 'en-cours', faits: 0, total: null };
}
