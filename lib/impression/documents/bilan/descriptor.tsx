// « Générer en PDF »: one bilan of one pupil (/bilans/<apprenantId>/<bilanId>/pdf), printed
// from its print page in one go.
import 'server-only';
import { z } from 'zod';
import { type BilanPageView } from '@/lib/bilans/bilan-view';
import { getBilanPage } from '@/lib/bilans/bilan-page-query';
import { formatDateFr } from '@/lib/common/dates';
import { BilanImprime } from './print';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { registerDocument } from '../../document';
import { fileSlug } from '../../file-names';
import { idParam } from '../../params';
import { getBilanPdfSujet, type BilanPdfSujet } from '../../sujets';
import { SHORT_DOCUMENTS_LANE } from '../../lanes';
import { pupilRunningHeader } from '../../running-header';

interface Params {
  apprenantId: string;
  bilanId: string;
}

const pathIds = z.tuple([idParam, idParam]);

const shownBilan = (p: Params) => [{ apprenantId: p.apprenantId, bilanId: p.bilanId }];

/** The PDF's title (Chromium takes the page's): « Bilan de HUBERT Angie du 16/06/2016 ». */
export function bilanImprimeTitle(view: BilanPageView): string {
  const date = view.affiche ? ` du ${formatDateFr(view.affiche.date)}` : '';
  return `Bilan de ${view.apprenant.nom} ${view.apprenant.prenom}${date}`;
}

export const bilanDocument = registerDocument<Params, BilanPdfSujet, BilanPageView>({
  kind: 'bilan',
  scope: 'bilan',
  notFound: "Ce bilan n'existe pas ou n'est pas disponible pour votre établissement.",
  lane: SHORT_DOCUMENTS_LANE,
  read(ids) {
    const parsed = pathIds.safeParse(ids);
    return parsed.success ? { apprenantId: parsed.data[0], bilanId: parsed.data[1] } : null;
  },
  printRoute: (p) => ({ ids: [p.apprenantId, p.bilanId], query: {} }),
  subject: (db, etablissementId, p) =>
    getBilanPdfSujet(db, etablissementId, p.apprenantId, p.bilanId),
  cacheKey: (p, sujet, day) => [p.apprenantId, p.bilanId, day, sujet.empreinte],
  fileName: (_p, sujet) =>
    `bilan-${fileSlug(sujet.nom)}-${fileSlug(sujet.prenom)}-${sujet.date}.pdf`,
  shown: async (_db, _etablissementId, p) => shownBilan(p),
  pdfAction: 'pdf_bilan',
  load: (db, etablissementId, p) =>
    getBilanPage(db, etablissementId, p.apprenantId, p.bilanId, { selection: false }),
  shownInPage: (_view, p) => shownBilan(p),
  pageTitle: bilanImprimeTitle,
  render: (view, _p, day) => (
    <>
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(day)}`}
        entete={
          view.affiche &&
          pupilRunningHeader({
            apprenant: `${view.apprenant.nom} ${view.apprenant.prenom}`,
            classeNom: view.classe.nom,
            anneeScolaire: view.classe.anneeScolaire,
            date: view.affiche.date,
            periode: view.affiche.periode,
          })
        }
      />
      <BilanImprime view={view} />
    </>
  ),
});
