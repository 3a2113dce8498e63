// What the class documents made of one section per pupil share — « Derniers bilans » and the
// « Dossier du conseil de classe »: their request (`?recto-verso=1`; a print page names its
// part and, on the cover, the index of each pupil's first page), how they are printed (a
// cover, then a few pupils per part, joined: sectioned-print.ts) and what a pupils' part
// shows. Only their cover differs: the pupils' index, or the class synthesis.
import 'server-only';
import { z } from 'zod';
import {
  getDerniersBilans,
  listApprenantsAvecBilan,
  type DerniersBilansView,
} from '@/lib/bilans/derniers-bilans';
import type { Database } from '@/lib/db/types';
import type { DocumentDescriptor, PartsPrinter, PrintRoute } from '../document';
import { fileSlug } from '../file-names';
import { CLASS_DOCUMENTS_LANE } from '../lanes';
import type { ClassPart } from './class-parts';
import { PUPILS_PER_PART, classPartCount, formatClassPart, pupilsOfPart } from './class-parts';
import { flagParam, idParam, pagesParam, partParam, queryObject } from '../params';
import { pupilSections } from './class-sections';
import { printSectionedDocument } from './sectioned-print';
import { getClassePdfSujet, type ClassePdfSujet } from '../sujets';

export interface PupilPartsParams {
  classeId: string;
  rectoVerso: boolean;
  /** Print pages only: the part printed (0: the cover) and, on the cover, its index. */
  part: ClassPart | null;
  pages: number[] | null;
}

const request = z.object({
  ids: z.tuple([idParam]),
  query: z.object({
    'recto-verso': flagParam.optional(),
    partie: partParam.optional(),
    pages: pagesParam.optional(),
  }),
});

function readPupilParts(ids: readonly string[], query: URLSearchParams): PupilPartsParams | null {
  const parsed = request.safeParse({
    ids,
    query: queryObject(query, ['recto-verso', 'partie', 'pages']),
  });
  if (!parsed.success) return null;
  const {
    ids: [classeId],
    query: q,
  } = parsed.data;
  return {
    classeId,
    rectoVerso: q['recto-verso'] ?? false,
    part: q.partie ?? null,
    pages: q.pages ?? null,
  };
}

/** The print page of a part (and the cover's index): the page does not depend on recto verso. */
function pupilPartsRoute(p: PupilPartsParams): PrintRoute {
  return {
    ids: [p.classeId],
    query: {
      ...(p.part ? { partie: formatClassPart(p.part) } : {}),
      ...(p.pages ? { pages: p.pages.join(',') } : {}),
    },
  };
}

/**
 * What every pupils' document shares: a class document of the class lane, read and routed as
 * above, about the class's pupils and their bilans (the sujet), cached and named by them —
 * its file `<prefix>-<classe>-<année>-<jour>[-recto-verso].pdf`.
 */
export function pupilPartsDocument(
  filePrefix: string,
): Pick<
  DocumentDescriptor<PupilPartsParams, ClassePdfSujet, never>,
  'scope' | 'lane' | 'pdfAction' | 'read' | 'printRoute' | 'subject' | 'cacheKey' | 'fileName'
> {
  return {
    scope: 'classe',
    lane: CLASS_DOCUMENTS_LANE,
    pdfAction: 'pdf_classe',
    read: readPupilParts,
    printRoute: pupilPartsRoute,
    subject: (db, etablissementId, p) => getClassePdfSujet(db, etablissementId, p.classeId),
    cacheKey: (p, sujet, day) => [
      p.classeId,
      day,
      sujet.classeNom,
      sujet.anneeScolaire,
      sujet.empreinte,
      p.rectoVerso ? 'recto-verso' : 'recto',
    ],
    fileName: (p, sujet, day) =>
      `${filePrefix}-${fileSlug(sujet.classeNom)}-${sujet.anneeScolaire}-${day}${p.rectoVerso ? '-recto-verso' : ''}.pdf`,
  };
}

export function printPupilParts(
  printer: PartsPrinter<PupilPartsParams>,
  p: PupilPartsParams,
  sujet: ClassePdfSujet,
  job: { title: string; coverBookmark?: string },
): Promise<Buffer> {
  const pupils = sujet.apprenants.length;
  const parts = classPartCount(pupils);
  printer.progress?.(0, pupils);
  return printSectionedDocument(
    printer.renderer,
    {
      parts,
      url: (part, index) =>
        printer.url({
          ...p,
          part: { part, parts },
          pages: index ? index.split(',').map(Number) : null,
        }),
      title: job.title,
      ...(job.coverBookmark ? { coverBookmark: job.coverBookmark } : {}),
      sections: pupilSections(sujet, p.rectoVerso),
      // The parts print the pupils in order, PUPILS_PER_PART each (the last takes the rest).
      onSectionPartsPrinted: (done) =>
        printer.progress?.(Math.min(done * PUPILS_PER_PART, pupils), pupils),
    },
    printer.options,
  );
}

/**
 * A print page's part: 0 the cover (which always carries its index), else the pupils of
 * that part — each part reads its own pupils only, not the class's bilans once per part.
 * Null (→ 404) for a request that is not a part, or a part without pupils.
 */
export async function loadPupilPart(
  db: Database,
  etablissementId: string,
  p: PupilPartsParams,
): Promise<{ cover: true } | { cover: false; view: DerniersBilansView } | null> {
  if (!p.part || (p.pages !== null) !== (p.part.part === 0)) return null;
  if (p.part.part === 0) return { cover: true };
  const avecBilan = await listApprenantsAvecBilan(db, etablissementId, p.classeId);
  const pupils = pupilsOfPart(avecBilan, p.part).map((a) => a.id);
  const view = await getDerniersBilans(db, etablissementId, p.classeId, pupils);
  if (!view || view.apprenants.length === 0) return null;
  return { cover: false, view };
}
