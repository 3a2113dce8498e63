// « Dossier du conseil de classe » (/classes/<classeId>/conseil/pdf): what a class council
// holds, in one PDF — the class synthesis first, then each pupil's latest bilan, with a
// bookmark and running header per pupil as in « Derniers bilans », every pupil on an odd
// page with « Recto verso » (`?recto-verso=1`). Printed like it (pupil-parts.ts): its cover
// is the synthesis, printed last, landscape.
import 'server-only';
import { bilansOfDerniersBilans } from '@/lib/bilans/derniers-bilans';
import { bilansOfSynthese, getSynthese } from '@/lib/synthese/query';
import { formatDateFr } from '@/lib/common/dates';
import { ConseilImprime, type ConseilPartie } from './print';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { registerDocument } from '../../document';
import {
  loadPupilPart,
  printPupilParts,
  pupilPartsDocument,
  type PupilPartsParams,
} from '../../classe/pupil-parts';
import type { ClassePdfSujet } from '../../sujets';

const SYNTHESE_DU_JOUR = { au: null, tri: 'nom' } as const;

const title = (classeNom: string, anneeScolaire: string) =>
  `Dossier du conseil de classe — ${classeNom} — ${anneeScolaire}`;

export const conseilDocument = registerDocument<PupilPartsParams, ClassePdfSujet, ConseilPartie>({
  kind: 'conseil',
  button: {
    label: 'Dossier du conseil de classe',
    pendingLabel: 'Préparation du dossier du conseil…',
  },
  ...pupilPartsDocument('conseil-de-classe'),
  notFound:
    "Ce dossier du conseil de classe n'existe pas : la classe est inconnue de votre établissement.",
  print: (printer, p, sujet) =>
    printPupilParts(printer, p, sujet, {
      title: title(sujet.classeNom, sujet.anneeScolaire),
      coverBookmark: `Synthèse de la classe ${sujet.classeNom}`,
    }),
  waitingTitle: (_p, sujet) => title(sujet.classeNom, sujet.anneeScolaire),
  // The synthesis' bilans (as of today) and each pupil's printed bilan.
  async shown(db, etablissementId, p, sujet) {
    const synthese = await getSynthese(db, etablissementId, p.classeId, SYNTHESE_DU_JOUR);
    const seen = new Set<string>();
    return [
      ...(synthese ? bilansOfSynthese(synthese) : []),
      ...sujet.apprenants.map((e) => ({ apprenantId: e.id, bilanId: e.bilanId })),
    ].filter((b) => !seen.has(b.bilanId) && seen.add(b.bilanId));
  },
  async load(db, etablissementId, p) {
    const part = await loadPupilPart(db, etablissementId, p);
    if (!part) return null;
    if (!part.cover) return { bilans: part.view };
    const synthese = await getSynthese(db, etablissementId, p.classeId, SYNTHESE_DU_JOUR);
    return synthese && { synthese };
  },
  shownInPage: (partie) =>
    partie.synthese ? bilansOfSynthese(partie.synthese) : bilansOfDerniersBilans(partie.bilans),
  pageTitle: (partie) => {
    const { classe } = partie.synthese ?? partie.bilans;
    return title(classe.nom, classe.anneeScolaire);
  },
  render: (partie, _p, day) => (
    <>
      {/* Numbered, and each pupil's pages headed, when the parts are joined (lib/pdf/merge.ts). */}
      <PageFooter
        text={`CPRO · ${(partie.synthese ?? partie.bilans).etablissementNom} · imprimé le ${formatDateFr(day)}`}
        numbered={false}
        paysage={Boolean(partie.synthese)}
      />
      <ConseilImprime partie={partie} jour={day} />
    </>
  ),
});
