// Turns a PDF job into the HTTP answer: the file, or a French message with the right
// status (404 not found, 503 busy with Retry-After, 503 no browser naming CHROMIUM_PATH).
import 'server-only';
import { BrowserNotFoundError } from '@/lib/pdf/find-chromium';
import { PdfBusyError, PdfTeacherLimitError, PdfTimeoutError } from '@/lib/pdf/errors';
import type { PdfDocument } from './documents';
import { messagePage } from '@/lib/http/message-page';
import { appConfig } from '@/lib/config/env';

const NO_STORE = 'private, no-store';

export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function pdfResponse(work: () => Promise<PdfDocument | null>): Promise<Response> {
  try {
    const document = await work();
    if (!document) {
      return messagePage(
        404,
        'Page introuvable',
        "Ce bilan n'existe pas ou n'est pas disponible pour votre établissement.",
      );
    }
    return new Response(new Uint8Array(document.bytes), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(document.filename),
        'Content-Length': String(document.bytes.length),
        'Cache-Control': NO_STORE,
        // Whether a colleague printed the same pupil is none of the client's business; the
        // benchmarks (CPRO_BENCH_PAGES=1) read it to check the cache.
        ...(appConfig().benchPages ? { 'X-PDF-Cache': document.cached ? 'hit' : 'miss' } : {}),
      },
    });
  } catch (error) {
    if (error instanceof PdfTeacherLimitError) {
      return messagePage(429, 'PDF déjà en préparation', error.message, {
        'Retry-After': String(error.retryAfterSeconds),
      });
    }
    if (error instanceof PdfBusyError) {
      return messagePage(503, 'Service PDF occupé', error.message, {
        'Retry-After': String(error.retryAfterSeconds),
      });
    }
    if (error instanceof BrowserNotFoundError) {
      return messagePage(503, 'Impression PDF indisponible', error.message);
    }
    if (error instanceof PdfTimeoutError) {
      return messagePage(503, 'Impression PDF trop longue', error.message, { 'Retry-After': '10' });
    }
    console.error('[pdf] échec :', error);
    return messagePage(
      503,
      'Impression PDF indisponible',
      'Le PDF n’a pas pu être produit. Réessayez dans un instant.',
      {
        'Retry-After': '10',
      },
    );
  }
}
