// The two PDFs of the module: one bilan, and the latest bilan of every pupil of a class.
// Each is checked against the teacher's establishment BEFORE a browser is touched, looked
// up in the cache, and otherwise printed from its /impression page with a signed,
// single-use token. Ids are normalised first (one cache entry per document), and a teacher
// has at most MAX_PDFS_PER_TEACHER PDFs in preparation at once in this process, so that
// one teacher looping on PDFs cannot take the printer from the others.
import 'server-only';
import type { Teacher } from '@/lib/auth/session';
import { getAuthSecret } from '@/lib/auth/secret';
import { appConfig } from '@/lib/config/env';
import { traceBilan, traceClasse } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
import { getDb } from '@/lib/db/client';
import { getBilanPdfSujet, getClassePdfSujet } from '@/lib/impression/sujets';
import { todayInParis } from '@/lib/common/dates';
import { normalizeUuid } from '@/lib/common/ids';
import { PdfCache } from '@/lib/pdf/cache';
import { PerTeacherLimit } from './per-teacher-limit';
import { createPrintToken } from './print-token';
import { PdfRenderer } from '@/lib/pdf/renderer';

/** Bump when the print layout changes: cached PDFs of the old layout are then not served. */
export const TEMPLATE_VERSION = 'impression-2026-11-28-css-footer';

export interface PdfDocument {
  filename: string;
  bytes: Buffer;
  cached: boolean;
}

export function printOrigin(): string {
  return appConfig().pdf.printOrigin;
}

const globalForPdf = globalThis as typeof globalThis & {
  cproPdf?: { renderer: PdfRenderer; cache: PdfCache };
};

export function pdfService(): { renderer: PdfRenderer; cache: PdfCache } {
  const { pdf } = appConfig();
  globalForPdf.cproPdf ??= {
    renderer: new PdfRenderer({
      allowedOrigin: new URL(pdf.printOrigin).origin,
      maxWaiting: pdf.maxWaiting,
      jobTimeoutMs: pdf.jobTimeoutMs,
      recycleAfter: pdf.recycleAfter,
      wsEndpoint: pdf.wsEndpoint,
      wsChromiumPath: pdf.wsChromiumPath,
      contextPerJob: pdf.contextPerJob,
    }),
    cache: new PdfCache(pdf.cacheMaxBytes),
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

async function produce(
  teacher: Teacher,
  key: string,
  path: string,
  token: string,
  filename: string,
): Promise<PdfDocument> {
  const { renderer, cache } = pdfService();
  const hit = cache.get(key);
  if (hit) return { filename, bytes: hit, cached: true };
  // Only printing costs the browser's time: the per-teacher cap applies to it, not to hits.
  const bytes = await perTeacher.run(teacher.id, () =>
    renderer.render(`${printOrigin()}${path}?jeton=${encodeURIComponent(token)}`),
  );
  cache.set(key, bytes);
  return { filename, bytes, cached: false };
}

export const MAX_PDFS_PER_TEACHER = 2;
const perTeacher = new PerTeacherLimit(MAX_PDFS_PER_TEACHER);

export function bilanPdf(
  teacher: Teacher,
  rawApprenantId: string,
  rawBilanId: string,
): Promise<PdfDocument | null> {
  const apprenantId = normalizeUuid(rawApprenantId);
  const bilanId = normalizeUuid(rawBilanId);
  if (!apprenantId || !bilanId) return Promise.resolve(null);
  return printBilan(teacher, apprenantId, bilanId);
}

async function printBilan(
  teacher: Teacher,
  apprenantId: string,
  bilanId: string,
): Promise<PdfDocument | null> {
  const etablissementId = teacher.etablissement.id;
  const sujet = await getBilanPdfSujet(await getDb(), etablissementId, apprenantId, bilanId);
  if (!sujet) return null;
  const day = todayInParis();
  const token = createPrintToken(
    {
      etablissementId,
      utilisateurId: teacher.id,
      kind: 'bilan',
      ids: [apprenantId, bilanId],
    },
    Date.now(),
    getAuthSecret(),
  );
  const document = await produce(
    teacher,
    PdfCache.key(
      TEMPLATE_VERSION,
      'bilan',
      etablissementId,
      apprenantId,
      bilanId,
      day,
      sujet.empreinte,
    ),
    `/impression/bilans/${apprenantId}/${bilanId}`,
    token,
    `bilan-${fileSlug(sujet.nom)}-${fileSlug(sujet.prenom)}-${sujet.date}.pdf`,
  );
  const lecteur = { etablissementId, utilisateurId: teacher.id };
  const route = `/bilans/${apprenantId}/${bilanId}/pdf`;
  traceAfterResponse((db) =>
    traceBilan(db, lecteur, { action: 'pdf_bilan', route, apprenantId, bilanId }),
  );
  return document;
}

export function derniersBilansPdf(
  teacher: Teacher,
  rawClasseId: string,
): Promise<PdfDocument | null> {
  const classeId = normalizeUuid(rawClasseId);
  if (!classeId) return Promise.resolve(null);
  return printClasse(teacher, classeId);
}

async function printClasse(teacher: Teacher, classeId: string): Promise<PdfDocument | null> {
  const etablissementId = teacher.etablissement.id;
  const sujet = await getClassePdfSujet(await getDb(), etablissementId, classeId);
  if (!sujet) return null;
  const day = todayInParis();
  const token = createPrintToken(
    {
      etablissementId,
      utilisateurId: teacher.id,
      kind: 'classe',
      ids: [classeId],
    },
    Date.now(),
    getAuthSecret(),
  );
  const document = await produce(
    teacher,
    PdfCache.key(
      TEMPLATE_VERSION,
      'classe',
      etablissementId,
      classeId,
      day,
      sujet.classeNom,
      sujet.anneeScolaire,
      sujet.empreinte,
    ),
    `/impression/classes/${classeId}/derniers-bilans`,
    token,
    `derniers-bilans-${fileSlug(sujet.classeNom)}-${sujet.anneeScolaire}-${day}.pdf`,
  );
  const lecteur = { etablissementId, utilisateurId: teacher.id };
  traceAfterResponse((db) =>
    traceClasse(db, lecteur, classeId, `/classes/${classeId}/derniers-bilans/pdf`),
  );
  return document;
}
