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
import { lecteurOf, traceBilan, traceShown, type ShownBilan } from '@/lib/trace/acces';
import { traceAfterResponse } from '@/lib/trace/after-response';
import { getDb } from '@/lib/db/client';
import { getBilanPdfSujet, getClassePdfSujet, type ClassePdfSujet } from '@/lib/impression/sujets';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import { compareApprenants } from '@/lib/bilans/tri';
import { normalizeUuid } from '@/lib/common/ids';
import { PdfCache, SharedPdfCache } from '@/lib/pdf/cache';
import { PerTeacherLimit } from './per-teacher-limit';
import { SharedWork } from './shared-work';
import { createPrintToken, type PrintKind } from './print-token';
import { PdfRenderer } from '@/lib/pdf/renderer';
import type { Section } from '@/lib/pdf/merge';
import { printClassDocument } from './class-document';
import { classPartCount, formatClassPart } from './class-parts';
import { syntheseTokenIds } from './print-pages';
import { getSynthese, type SyntheseTri } from '@/lib/bilans/synthese';
import { shownInSynthese } from './shown';
import type { Database } from '@/lib/db/types';

/** Bump when the print layout changes: cached PDFs of the old layout are then not served. */
export const TEMPLATE_VERSION = 'impression-2026-11-29-balisage';

export interface PdfDocument {
  filename: string;
  bytes: Buffer;
  cached: boolean;
}

export function printOrigin(): string {
  return appConfig().pdf.printOrigin;
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
    }),
    cache: new SharedPdfCache(getDb, pdf.cacheMaxBytes),
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

export const MAX_PDFS_PER_TEACHER = 2;
const perTeacher = new PerTeacherLimit(MAX_PDFS_PER_TEACHER);
const printing = new SharedWork<Buffer>();

interface PrintJob {
  kind: PrintKind;
  /** The document's ids, as its print page's URL names them. */
  ids: string[];
  /** Query parameters of the print page besides the token (the synthesis's date and sort). */
  query?: Record<string, string>;
  /** Everything the PDF depends on besides the template version and the day. */
  cacheParts: unknown[];
  printPath: string;
  filename: string;
  /**
   * Printed in this many parts, joined and numbered (the class document); absent: one print.
   * Each part's URL and token name it (`partie=2/6`).
   */
  parts?: number;
  title?: string;
  /** The class document printed for duplex: every pupil starts on an odd page. */
  rectoVerso?: boolean;
  /** The class document's pupils' bookmarks and running headers, by outline title and rank. */
  sections?: (outlineTitle: string, k: number) => Section;
}

/**
 * The PDF from the cache, or the print already under way for the same document, or printed
 * from its print page with a fresh single-use token. `signal`: the request's (client gone →
 * the job leaves the queue, unless another teacher still waits for the same print).
 */
async function produce(
  teacher: Teacher,
  job: PrintJob,
  signal: AbortSignal | undefined,
): Promise<PdfDocument> {
  const { renderer, cache } = pdfService();
  const etablissementId = teacher.etablissement.id;
  const key = PdfCache.key(TEMPLATE_VERSION, job.kind, etablissementId, ...job.cacheParts);
  const hit = await cache.get(key);
  if (hit) return { filename: job.filename, bytes: hit, cached: true };
  const joined = printing.isRunning(key);
  const bytes = await printing.run(key, signal, async (jobSignal) => {
    // Drawn when each print starts: a token lives a minute, a wait may be longer.
    const url = (part: number, index?: string) => {
      const partie = job.parts ? formatClassPart({ part, parts: job.parts }) : null;
      const token = createPrintToken(
        {
          etablissementId,
          utilisateurId: teacher.id,
          kind: job.kind,
          ids: [...job.ids, ...(partie ? [partie] : []), ...(index ? [index] : [])],
        },
        Date.now(),
        getAuthSecret(),
      );
      const params = new URLSearchParams({ jeton: token, ...job.query });
      if (partie) params.set('partie', partie);
      if (index) params.set('pages', index);
      return `${printOrigin()}${job.printPath}?${params}`;
    };
    // Only printing costs the browser's time: the per-teacher cap applies to it, not to hits.
    const printed = await perTeacher.run(teacher.id, async () => {
      // A synthesis is one page, printed like a single bilan; a class document has its lane.
      // Every print is tagged: a single document keeps its tags and bookmarks, and a part's
      // outline tells the join where each pupil starts.
      const options = {
        lane: job.kind === 'classe' ? 'classe' : 'bilan',
        signal: jobSignal,
        tagged: true,
      } as const;
      if (!job.parts) return renderer.render(() => url(0), options);
      return printClassDocument(
        renderer,
        {
          parts: job.parts,
          url,
          rectoVerso: job.rectoVerso,
          title: job.title,
          sections: job.sections,
        },
        options,
      );
    });
    // A PDF that could not be cached is still a PDF.
    await cache
      .set(key, printed)
      .catch((error: Error) => console.error('[pdf] mise en cache impossible :', error.message));
    return printed;
  });
  return { filename: job.filename, bytes, cached: joined };
}

export async function bilanPdf(
  teacher: Teacher,
  rawApprenantId: string,
  rawBilanId: string,
  signal?: AbortSignal,
): Promise<PdfDocument | null> {
  const apprenantId = normalizeUuid(rawApprenantId);
  const bilanId = normalizeUuid(rawBilanId);
  if (!apprenantId || !bilanId) return null;
  const sujet = await getBilanPdfSujet(
    await getDb(),
    teacher.etablissement.id,
    apprenantId,
    bilanId,
  );
  if (!sujet) return null;
  const document = await produce(
    teacher,
    {
      kind: 'bilan',
      ids: [apprenantId, bilanId],
      cacheParts: [apprenantId, bilanId, todayInParis(), sujet.empreinte],
      printPath: `/impression/bilans/${apprenantId}/${bilanId}`,
      filename: `bilan-${fileSlug(sujet.nom)}-${fileSlug(sujet.prenom)}-${sujet.date}.pdf`,
    },
    signal,
  );
  const route = `/bilans/${apprenantId}/${bilanId}/pdf`;
  traceAfterResponse((db) =>
    traceBilan(db, lecteurOf(teacher), { action: 'pdf_bilan', route, apprenantId, bilanId }),
  );
  return document;
}

/**
 * A document of a whole class (the latest bilans, the synthesis): the class checked against
 * the teacher's establishment and fingerprinted once, the job built from it, printed or taken
 * from the cache, and traced — one record per bilan the document shows (`shown`), whether it
 * was printed now or served from the cache.
 */
async function classDocument(
  teacher: Teacher,
  rawClasseId: string,
  signal: AbortSignal | undefined,
  document: {
    route: string;
    job: (classeId: string, sujet: ClassePdfSujet, day: string) => PrintJob;
    shown: (db: Database, classeId: string, sujet: ClassePdfSujet) => Promise<ShownBilan[]>;
  },
): Promise<PdfDocument | null> {
  const classeId = normalizeUuid(rawClasseId);
  if (!classeId) return null;
  const db = await getDb();
  const sujet = await getClassePdfSujet(db, teacher.etablissement.id, classeId);
  if (!sujet) return null;
  const printed = await produce(teacher, document.job(classeId, sujet, todayInParis()), signal);
  const shown = await document.shown(db, classeId, sujet);
  const route = `/classes/${classeId}/${document.route}`;
  traceAfterResponse((trace) =>
    traceShown(trace, lecteurOf(teacher), { action: 'pdf_classe', route }, shown),
  );
  return printed;
}

/**
 * The class document's k-th pupil section (in list order, as printed): the bookmark and the
 * running header « NOM Prénom · classe année · bilan du jj/mm/aaaa ». The name comes from the
 * section's own heading (« … — NOM Prénom »); the date from the class's pupils, when the k-th
 * is that same pupil.
 */
function classSections(sujet: ClassePdfSujet) {
  const eleves = [...sujet.eleves].sort(compareApprenants);
  return (outlineTitle: string, k: number): Section => {
    const name = outlineTitle.split(' — ').pop() ?? outlineTitle;
    const eleve = eleves[k];
    const date =
      eleve && `${eleve.nom} ${eleve.prenom}` === name
        ? ` · bilan du ${formatDateFr(eleve.date)}`
        : '';
    return {
      signet: `${name}${date.replace(' · ', ' — ')}`,
      entete: `${name} · ${sujet.classeNom} ${sujet.anneeScolaire}${date}`,
    };
  };
}

export function derniersBilansPdf(
  teacher: Teacher,
  rawClasseId: string,
  signal?: AbortSignal,
  options: { rectoVerso?: boolean } = {},
): Promise<PdfDocument | null> {
  const rectoVerso = options.rectoVerso ?? false;
  return classDocument(teacher, rawClasseId, signal, {
    route: 'derniers-bilans/pdf',
    job: (classeId, sujet, day) => ({
      kind: 'classe',
      ids: [classeId],
      cacheParts: [
        classeId,
        day,
        sujet.classeNom,
        sujet.anneeScolaire,
        sujet.empreinte,
        rectoVerso ? 'recto-verso' : 'recto',
      ],
      printPath: `/impression/classes/${classeId}/derniers-bilans`,
      parts: classPartCount(sujet.eleves.length),
      rectoVerso,
      sections: classSections(sujet),
      title: `Derniers bilans — ${sujet.classeNom} — ${sujet.anneeScolaire}`,
      filename: `derniers-bilans-${fileSlug(sujet.classeNom)}-${sujet.anneeScolaire}-${day}${rectoVerso ? '-recto-verso' : ''}.pdf`,
    }),
    // Each pupil's bilan as the print page picks it (the same rule, in the sujet's query).
    shown: async (_db, _classeId, sujet) =>
      sujet.eleves.map((e) => ({ apprenantId: e.id, bilanId: e.bilanId })),
  });
}

/** « Imprimer la synthèse »: the class synthesis (as of `au`, sorted by `tri`), one landscape page. */
export function synthesePdf(
  teacher: Teacher,
  rawClasseId: string,
  au: string | null,
  tri: SyntheseTri,
  signal?: AbortSignal,
): Promise<PdfDocument | null> {
  return classDocument(teacher, rawClasseId, signal, {
    route: 'synthese/pdf',
    job: (classeId, sujet, day) => ({
      kind: 'synthese',
      ids: syntheseTokenIds(classeId, au, tri),
      query: { ...(au ? { au } : {}), tri },
      cacheParts: [classeId, au, tri, day, sujet.classeNom, sujet.anneeScolaire, sujet.empreinte],
      printPath: `/impression/classes/${classeId}/synthese`,
      filename: `synthese-${fileSlug(sujet.classeNom)}-${sujet.anneeScolaire}-${au ?? day}.pdf`,
    }),
    // The bilans of the synthesis as of `au`: the print page's own query.
    shown: async (db, classeId) => {
      const view = await getSynthese(db, teacher.etablissement.id, classeId, { au, tri });
      return view ? shownInSynthese(view) : [];
    },
  });
}
