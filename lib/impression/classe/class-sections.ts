// How a class document is cut into sections when its parts are joined (lib/pdf/merge.ts):
// one section per pupil, in list order — its bookmark and running header « NOM Prénom ·
// classe année · bilan du jj/mm/aaaa » — and, for « Recto verso », the rule that every pupil
// starts on an odd page (a blank page before, where needed), so that a teacher can hand
// each pupil their sheets. The cover's index is computed by the same rule (sectioned-print.ts).
import 'server-only';
import type { PartLayout, SectionRules } from '@/lib/pdf/merge';
import { formatDateFr } from '@/lib/common/dates';
import { compareApprenants } from '@/lib/bilans/tri';
import type { ClassePdfSujet } from '../sujets';
import { pupilRunningHeader } from '../running-header';
import { periodeCourte } from '@/lib/common/periodes';

/**
 * Where each section starts in the joined document (1-based), from the prints' page counts
 * and section starts: where it falls, or — recto verso — on the next odd page.
 */
export function pupilFirstPages(parts: PartLayout[], rectoVerso: boolean): number[] {
  const firsts: number[] = [];
  let count = 0;
  for (const part of parts) {
    for (let i = 0; i < part.pageCount; i++) {
      if (part.starts.includes(i)) {
        if (rectoVerso && count % 2 === 1) count++;
        firsts.push(count + 1);
      }
      count++;
    }
  }
  return firsts;
}

/**
 * The k-th pupil section (in list order, as printed): the name comes from the section's own
 * heading (« … — NOM Prénom »), the date from the class's pupils when the k-th is that pupil.
 */
export function pupilSections(sujet: ClassePdfSujet, rectoVerso: boolean): SectionRules {
  const apprenants = [...sujet.apprenants].sort(compareApprenants);
  return {
    label(outlineTitle, k) {
      const name = outlineTitle.split(' — ').pop() ?? outlineTitle;
      const apprenant = apprenants[k];
      const known = apprenant && `${apprenant.nom} ${apprenant.prenom}` === name;
      return {
        bookmark: known ? `${name} — bilan du ${formatDateFr(apprenant.date)}` : name,
        header: pupilRunningHeader({
          apprenant: name,
          classeNom: sujet.classeNom,
          anneeScolaire: sujet.anneeScolaire,
          ...(known && {
            date: apprenant.date,
            periode: apprenant.periode && periodeCourte(apprenant.periode),
          }),
        }),
      };
    },
    firstPages: (parts) => pupilFirstPages(parts, rectoVerso),
  };
}
