// Turns a PDF job into the HTTP answer: the file, or the French page of its error
// (lib/http/app-error.ts: 404 not found, 429 too many for this teacher, 503 busy or no
// browser, each with its Retry-After).
import 'server-only';
import { AppError, asAppError, htmlError } from '@/lib/http/app-error';
import type { PdfDocument } from './documents';
import { appConfig } from '@/lib/config/env';

const NO_STORE = 'private, no-store';

/**
 * `inline` (the default for PDFs: the browser's viewer shows it, and prints it), or
 * `attachment` for a download; the same file name either way.
 */
export function contentDisposition(
  filename: string,
  disposition: 'inline' | 'attachment' = 'attachment',
): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** `?telechargement=1`: the PDF as a download; otherwise shown inline. */
export function pdfDisposition(request: Request): 'inline' | 'attachment' {
  return new URL(request.url).searchParams.get('telechargement') === '1' ? 'attachment' : 'inline';
}

export async function pdfResponse(
  work: () => Promise<PdfDocument | null>,
  disposition: 'inline' | 'attachment' = 'inline',
): Promise<Response> {
  let document: PdfDocument | null;
  try {
    document = await work();
  } catch (error) {
    const known = asAppError(error);
    if (known) return htmlError(known);
    if (error instanceof Error && error.name === 'AbortError') {
      // The teacher left before the PDF was ready: nobody reads this answer.
      return htmlError(new AppError('unavailable', 'Demande abandonnée.'));
    }
    console.error('[pdf] échec :', error);
    return htmlError(
      new AppError('unavailable', 'Le PDF n’a pas pu être produit. Réessayez dans un instant.', {
        title: 'Impression PDF indisponible',
        retryAfterSeconds: 10,
      }),
    );
  }
  if (!document) {
    return htmlError(
      new AppError(
        'not_found',
        "Ce bilan n'existe pas ou n'est pas disponible pour votre établissement.",
      ),
    );
  }
  return new Response(new Uint8Array(document.bytes), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(document.filename, disposition),
      'Content-Length': String(document.bytes.length),
      'Cache-Control': NO_STORE,
      // Whether a colleague printed the same pupil is none of the client's business; the
      // benchmarks (CPRO_BENCH_PAGES=1) read it to check the cache.
      ...(appConfig().benchPages ? { 'X-PDF-Cache': document.cached ? 'hit' : 'miss' } : {}),
    },
  });
}
