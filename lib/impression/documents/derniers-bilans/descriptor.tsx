// The latest bilan of every pupil of a class (/classes/<classeId>/derniers-bilans/pdf), for
// a class council: a cover indexing each pupil's first page, then the pupils a few per print
// (class-parts.ts), joined with one section per pupil (class-sections.ts), every pupil on an
// odd page with « Recto verso » (`?recto-verso=1`): pupil-parts.ts.
import 'server-only';
import {
  bilansOfDerniersBilans,
  getDerniersBilans,
  type DerniersBilansView,
} from '@/lib/bilans/derniers-bilans';
import { formatDateFr } from '@/lib/common/dates';
import { DerniersBilansImprimes } from './print';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { registerDocument } from '../../document';
import {
  loadPupilPart,
  printPupilParts,
  pupilPartsDocument,
  type PupilPartsParams,
} from '../../classe/pupil-parts';
import type { ClassePdfSujet } from '../../sujets';

export interface PartieImprimee {
  view: DerniersBilansView;
  couverture: boolean;
  /** On the cover: each pupil with a bilan's first page, in list order; null on a part. */
  premieresPages: number[] | null;
}

export const derniersBilansDocument = registerDocument<
  PupilPartsParams,
  ClassePdfSujet,
  PartieImprimee
>({
  kind: 'derniers-bilans',
  button: {
    label: 'Imprimer le dernier bilan pour tous les élèves',
    pendingLabel: 'Préparation du PDF de la classe…',
  },
  ...pupilPartsDocument('derniers-bilans'),
  notFound: "Ce document de classe n'existe pas : la classe est inconnue de votre établissement.",
  print: (printer, p, sujet) =>
    printPupilParts(printer, p, sujet, {
      title: `Derniers bilans — ${sujet.classeNom} — ${sujet.anneeScolaire}`,
    }),
  waitingTitle: (_p, sujet) =>
    `Dernier bilan de chaque élève — ${sujet.classeNom} — ${sujet.anneeScolaire}`,
  // Each pupil's bilan as the print page picks it (the same rule, in the sujet's query).
  shown: async (_db, _etablissementId, _p, sujet) =>
    sujet.apprenants.map((e) => ({ apprenantId: e.id, bilanId: e.bilanId })),
  async load(db, etablissementId, p) {
    const part = await loadPupilPart(db, etablissementId, p);
    if (!part) return null;
    if (!part.cover) return { view: part.view, couverture: false, premieresPages: null };
    const view = await getDerniersBilans(db, etablissementId, p.classeId);
    return view && { view, couverture: true, premieresPages: p.pages };
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
