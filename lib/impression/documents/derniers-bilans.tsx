// The latest bilan of every pupil of a class (/classes/<classeId>/derniers-bilans/pdf), for
// a class council: a cover indexing each pupil's first page, then the pupils a few per print
// (class-parts.ts), joined with one section per pupil (class-sections.ts), every pupil on an
// odd page with « Recto verso » (`?recto-verso=1`).
import 'server-only';
import { z } from 'zod';
import {
  bilansOfDerniersBilans,
  getDerniersBilans,
  listApprenantsAvecBilan,
  type DerniersBilansView,
} from '@/lib/bilans/derniers-bilans';
import { formatDateFr } from '@/lib/common/dates';
import type { ClassPart } from '../class-parts';
import { classPartCount, formatClassPart, pupilsOfPart } from '../class-parts';
import { DerniersBilansImprimes } from '@/lib/ui/impression/derniers-bilans-imprimes';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { registerDocument } from '../document';
import { fileSlug } from '../file-names';
import { CLASS_DOCUMENTS_LANE } from '../lanes';
import { flagParam, idParam, pagesParam, partParam, queryObject } from '../params';
import { pupilSections } from '../class-sections';
import { printSectionedDocument } from '../sectioned-print';
import { getClassePdfSujet, type ClassePdfSujet } from '../sujets';

interface Params {
  classeId: string;
  rectoVerso: boolean;
  /** Print pages only: the part printed (0: the cover) and, on the cover, its index. */
  part: ClassPart | null;
  pages: number[] | null;
}

export interface PartieImprimee {
  view: DerniersBilansView;
  couverture: boolean;
  /** On the cover: each pupil with a bilan's first page, in list order; null on a part. */
  premieresPages: number[] | null;
}

const request = z.object({
  ids: z.tuple([idParam]),
  query: z.object({
    'recto-verso': flagParam.optional(),
    partie: partParam.optional(),
    pages: pagesParam.optional(),
  }),
});

export const derniersBilansDocument = registerDocument<Params, ClassePdfSujet, PartieImprimee>({
  kind: 'derniers-bilans',
  scope: 'classe',
  notFound: "Ce document de classe n'existe pas : la classe est inconnue de votre établissement.",
  lane: CLASS_DOCUMENTS_LANE,
  read(ids, query) {
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
  },
  // The print page of a part (and the cover's index): the page does not depend on recto verso.
  printRoute: (p) => ({
    ids: [p.classeId],
    query: {
      ...(p.part ? { partie: formatClassPart(p.part) } : {}),
      ...(p.pages ? { pages: p.pages.join(',') } : {}),
    },
  }),
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
    `derniers-bilans-${fileSlug(sujet.classeNom)}-${sujet.anneeScolaire}-${day}${p.rectoVerso ? '-recto-verso' : ''}.pdf`,
  print(printer, p, sujet) {
    const parts = classPartCount(sujet.apprenants.length);
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
        title: `Derniers bilans — ${sujet.classeNom} — ${sujet.anneeScolaire}`,
        sections: pupilSections(sujet, p.rectoVerso),
      },
      printer.options,
    );
  },
  // Each pupil's bilan as the print page picks it (the same rule, in the sujet's query).
  shown: async (_db, _etablissementId, _p, sujet) =>
    sujet.apprenants.map((e) => ({ apprenantId: e.id, bilanId: e.bilanId })),
  pdfAction: 'pdf_classe',
  async load(db, etablissementId, p) {
    // A print page is a part; the cover always shows its index, a pupils' part never does.
    if (!p.part || (p.pages !== null) !== (p.part.part === 0)) return null;
    if (p.part.part === 0) {
      const view = await getDerniersBilans(db, etablissementId, p.classeId);
      return view && { view, couverture: true, premieresPages: p.pages };
    }
    // A part reads its own pupils only: the class's bilans are not read once per part.
    const avecBilan = await listApprenantsAvecBilan(db, etablissementId, p.classeId);
    const pupils = pupilsOfPart(avecBilan, p.part).map((a) => a.id);
    const view = await getDerniersBilans(db, etablissementId, p.classeId, pupils);
    if (!view || view.apprenants.length === 0) return null;
    return { view, couverture: false, premieresPages: null };
  },
  // The cover is an index (names, dates, pages): each pupil's bilan is traced once, by the
  // part that prints it.
  shownInPage: ({ view, couverture }) => (couverture ? [] : bilansOfDerniersBilans(view)),
  pageTitle: ({ view }) => `Derniers bilans — ${view.classe.nom} — ${view.classe.anneeScolaire}`,
  render: ({ view, couverture, premieresPages }, _p, day) => (
    <>
      {/* The joined document is numbered, and each pupil's pages headed, when the parts are
          joined (lib/pdf/merge.ts). */}
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(day)}`}
        numbered={false}
      />
      <DerniersBilansImprimes
        view={view}
        jour={day}
        couverture={couverture}
        premieresPages={premieresPages}
      />
    </>
  ),
});
