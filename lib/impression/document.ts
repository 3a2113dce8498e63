// What a printed document is: a descriptor (one file per document in documents/) that the
// generic machinery — the PDF route (pdf-route.ts), the producer (producer.ts) and the print
// page (print-page.ts) — serves, whatever the document. A descriptor says how a request
// names it (its parameters, read with zod), what it is about (its subject, checked against
// the teacher's establishment before any browser is touched), how it is cached and named,
// how it is printed (one print, or parts joined into sections), what its print page loads
// and renders, and which bilans it shows (its access trace). Adding a document is writing
// one descriptor and its print component, and listing it in documents/index.ts.
import 'server-only';
import type { ReactNode } from 'react';
import type { Database } from '@/lib/db/types';
import type { ShownBilan } from '@/lib/trace/acces';
import type { PdfRenderer, RenderOptions } from '@/lib/pdf/renderer';
import type { LaneSettings } from '@/lib/pdf/print-queue';
import type { ClassDocumentButton } from '@/lib/ui/bilans/class-documents';

/** The print page's address parts for given parameters: all named by its token. */
export interface PrintRoute {
  ids: string[];
  query: Record<string, string>;
}

/** What the producer hands a document printed in several parts. */
export interface PartsPrinter<P> {
  /** The print page's URL for these parameters, with a fresh single-use token. */
  url(params: P): Promise<string>;
  renderer: Pick<PdfRenderer, 'renderParts'>;
  options: RenderOptions;
  /** Told as the sections (pupils) get printed: `faits` of `total`. */
  progress?: (faits: number, total: number) => void;
}

export interface DocumentDescriptor<P, S, V> {
  /** Its name in the print page's URL and in print tokens. */
  kind: string;
  /**
   * Where teachers ask for it: `bilan` — /bilans/<apprenantId>/<bilanId>/pdf; `classe` —
   * /classes/<classeId>/<kind>/pdf.
   */
  scope: 'bilan' | 'classe';
  /** The 404's sentence, naming the document. */
  notFound: string;
  /** The printer's queue lane it waits in, and that lane's settings. */
  lane: { name: string; settings: LaneSettings };
  /** The request's path ids (normalised by the caller's route) and query → parameters; null → 404. */
  read(ids: readonly string[], query: URLSearchParams): P | null;
  /** The print page's ids and query for these parameters. */
  printRoute(params: P): PrintRoute;
  /** What the document is about, for a teacher of `etablissementId`; null → 404. */
  subject(db: Database, etablissementId: string, params: P): Promise<S | null>;
  /** Everything the PDF depends on besides the template version, the kind and the establishment. */
  cacheKey(params: P, subject: S, day: string): unknown[];
  fileName(params: P, subject: S, day: string): string;
  /**
   * Absent: one print of its page. Present: the parts it is printed in, joined — a long print,
   * whose button opens the page that shows its progress (/classes/<id>/<kind>/impression).
   */
  print?(printer: PartsPrinter<P>, params: P, subject: S): Promise<Buffer>;
  /** The progress page's title (a long print only): the document and what it is about. */
  waitingTitle?(params: P, subject: S): string;
  /** The bilans the PDF shows (its access trace), whether printed now or from the cache. */
  shown(db: Database, etablissementId: string, params: P, subject: S): Promise<ShownBilan[]>;
  pdfAction: 'pdf_bilan' | 'pdf_classe';
  /** What its print page shows; null → 404. */
  load(db: Database, etablissementId: string, params: P): Promise<V | null>;
  /** The bilans that print page shows (traced as read by the teacher it is printed for). */
  shownInPage(view: V, params: P): ShownBilan[];
  /** The print page's title: the PDF's (Chromium takes it). */
  pageTitle(view: V, params: P): string;
  render(view: V, params: P, day: string): ReactNode;
  /**
   * A class document's button beside the class selector (lib/ui/bilans/class-documents.tsx),
   * with the « Recto verso » option; absent: reached from its own page (the synthesis…).
   */
  button?: ClassDocumentButton['labels'];
}

/** A request for a document, read: what the generic code works with, types kept inside. */
export interface DocumentRequest {
  kind: string;
  route: PrintRoute;
  /** The PDF's subject for this teacher, or null. */
  prepare(db: Database, etablissementId: string): Promise<PreparedDocument | null>;
  /** The print page's view, or null. */
  page(db: Database, etablissementId: string): Promise<PrintPage | null>;
}

export interface PreparedDocument {
  /** The progress page's title, for a document printed in parts. */
  waitingTitle: string;
  cacheKey(day: string): unknown[];
  fileName(day: string): string;
  shown(): Promise<ShownBilan[]>;
  /** Prints it: its single page, or its parts. */
  print(
    single: () => Promise<Buffer>,
    printer: Omit<PartsPrinter<never>, 'url'>,
    url: (route: PrintRoute) => Promise<string>,
  ): Promise<Buffer>;
}

export interface PrintPage {
  shown: ShownBilan[];
  title: string;
  render(day: string): ReactNode;
}

/** A descriptor as the generic code holds it (its own types kept in closures). */
export interface RegisteredDocument {
  kind: string;
  scope: 'bilan' | 'classe';
  button?: ClassDocumentButton['labels'];
  notFound: string;
  lane: { name: string; settings: LaneSettings };
  pdfAction: 'pdf_bilan' | 'pdf_classe';
  /** Printed in parts: its button opens the page showing the print's progress. */
  long: boolean;
  read(ids: readonly string[], query: URLSearchParams): DocumentRequest | null;
}

export function registerDocument<P, S, V>(d: DocumentDescriptor<P, S, V>): RegisteredDocument {
  return {
    kind: d.kind,
    scope: d.scope,
    ...(d.button ? { button: d.button } : {}),
    notFound: d.notFound,
    lane: d.lane,
    pdfAction: d.pdfAction,
    long: Boolean(d.print),
    read(ids, query) {
      const params = d.read(ids, query);
      if (params === null) return null;
      return {
        kind: d.kind,
        route: d.printRoute(params),
        async prepare(db, etablissementId) {
          const subject = await d.subject(db, etablissementId, params);
          if (subject === null) return null;
          return {
            waitingTitle: d.waitingTitle?.(params, subject) ?? d.button?.label ?? d.kind,
            cacheKey: (day) => d.cacheKey(params, subject, day),
            fileName: (day) => d.fileName(params, subject, day),
            shown: () => d.shown(db, etablissementId, params, subject),
            print: (single, printer, url) =>
              d.print
                ? d.print({ ...printer, url: (p: P) => url(d.printRoute(p)) }, params, subject)
                : single(),
          };
        },
        async page(db, etablissementId) {
          const view = await d.load(db, etablissementId, params);
          if (view === null) return null;
          return {
            shown: d.shownInPage(view, params),
            title: d.pageTitle(view, params),
            render: (day) => d.render(view, params, day),
          };
        },
      };
    },
  };
}
