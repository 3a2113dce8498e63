// Which bilans a document shows, read from the very view it is made of: what its access
// trace records (lib/trace/acces.ts, traceShown). One function per kind of view, so that a
// synthesis « au » a date traces the bilans of that date, a part of the class document its
// own pupils, and nothing is traced that was not shown.
import type { ShownBilan } from '@/lib/trace/acces';
import type { SyntheseView } from '@/lib/bilans/synthese';
import type { DerniersBilansView } from '@/lib/bilans/bilan-page';

/** Each pupil's bilan in the synthesis (as of its date); pupils without one show none. */
export function shownInSynthese(view: SyntheseView): ShownBilan[] {
  return view.lignes.flatMap((ligne) =>
    ligne.bilan ? [{ apprenantId: ligne.apprenant.id, bilanId: ligne.bilan.id }] : [],
  );
}

/** Each pupil's latest bilan printed in (this part of) the class document. */
export function shownInDerniersBilans(view: DerniersBilansView): ShownBilan[] {
  return view.apprenants.flatMap(({ apprenant, view: page }) =>
    page.affiche ? [{ apprenantId: apprenant.id, bilanId: page.affiche.id }] : [],
  );
}
