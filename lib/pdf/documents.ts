// The two PDFs of the module: one bilan, and the latest bilan of every pupil of a class.
// Each is checked against the teacher's establishment BEFORE a browser is touched, looked
// up in the cache, and otherwise printed from its /impression page with a signed token.
import type { Teacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getBilanPage, getDerniersBilans, type BilanPageView } from '@/lib/bilans/bilan-page';
import { formatDateFr, todayInParis } from '@/lib/bilans/dates';
import { PdfCache } from './cache';
import { createPrintToken } from './print-token';
import { PdfRenderer } from './renderer';

/** Bump when the print layout changes: cached PDFs of the old layout are then not served. */
export const TEMPLATE_VERSION = 'impression-2026-11-28';

export interface PdfDocument {
  filename: string;
  bytes: Buffer;
  cached: boolean;
}

export function printOrigin(): string {
  return process.env.PDF_PRINT_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
}

const globalForPdf = globalThis as typeof globalThis & {
  cproPdf?: { renderer: PdfRenderer; cache: PdfCache };
};

export function pdfService(): { renderer: PdfRenderer; cache: PdfCache } {
  globalForPdf.cproPdf ??= {
    renderer: new PdfRenderer({
      allowedOrigin: new URL(printOrigin()).origin,
      maxWaiting: Number(process.env.PDF_MAX_WAITING ?? 8),
      jobTimeoutMs: Number(process.env.PDF_JOB_TIMEOUT_MS ?? 30_000),
      recycleAfter: Number(process.env.PDF_RECYCLE_AFTER ?? 200),
      wsEndpoint: process.env.PLAYWRIGHT_WS_ENDPOINT || undefined,
    }),
    cache: new PdfCache(Number(process.env.PDF_CACHE_MAX_BYTES ?? 64 * 1024 * 1024)),
  };
  return globalForPdf.cproPdf;
}

export async function closePdfService(): Promise<void> {
  await globalForPdf.cproPdf?.renderer.close();
}

/** File names stay ASCII so every browser and OS keeps them: « N'GUESSAN Aïcha » → NGUESSAN-Aicha. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Only what the PDF shows defines it: not the selection lists of the page. */
function printedPart(view: BilanPageView) {
  return { ...view, classes: [], apprenants: [], precedentId: null, suivantId: null };
}

async function produce(
  key: string,
  path: string,
  token: string,
  etablissementNom: string,
  day: string,
  filename: string,
): Promise<PdfDocument> {
  const { renderer, cache } = pdfService();
  const hit = cache.get(key);
  if (hit) return { filename, bytes: hit, cached: true };
  const bytes = await renderer.render(
    `${printOrigin()}${path}?jeton=${encodeURIComponent(token)}`,
    {
      footerText: `CPRO · ${etablissementNom} · imprimé le ${formatDateFr(day)}`,
    },
  );
  cache.set(key, bytes);
  return { filename, bytes, cached: false };
}

export async function bilanPdf(
  teacher: Teacher,
  apprenantId: string,
  bilanId: string,
): Promise<PdfDocument | null> {
  const etablissementId = teacher.etablissement.id;
  const view = await getBilanPage(await getDb(), etablissementId, apprenantId, bilanId);
  if (!view?.affiche) return null;
  const day = todayInParis();
  const token = createPrintToken({ etablissementId, kind: 'bilan', ids: [apprenantId, bilanId] });
  const { apprenant, affiche } = view;
  return produce(
    PdfCache.key(TEMPLATE_VERSION, 'bilan', etablissementId, day, printedPart(view)),
    `/impression/bilans/${apprenantId}/${bilanId}`,
    token,
    view.etablissementNom,
    day,
    `bilan-${fileSlug(apprenant.nom)}-${fileSlug(apprenant.prenom)}-${affiche.date}.pdf`,
  );
}

export async function derniersBilansPdf(
  teacher: Teacher,
  classeId: string,
): Promise<PdfDocument | null> {
  const etablissementId = teacher.etablissement.id;
  const view = await getDerniersBilans(await getDb(), etablissementId, classeId);
  if (!view) return null;
  const day = todayInParis();
  const token = createPrintToken({ etablissementId, kind: 'classe', ids: [classeId] });
  return produce(
    PdfCache.key(
      TEMPLATE_VERSION,
      'classe',
      etablissementId,
      day,
      view.classe,
      view.apprenants.map((a) => printedPart(a.view)),
    ),
    `/impression/classes/${classeId}/derniers-bilans`,
    token,
    view.etablissementNom,
    day,
    `derniers-bilans-${fileSlug(view.classe.nom)}-${view.classe.anneeScolaire}-${day}.pdf`,
  );
}
