// « Préparation PRONOTE » on paper (/classes/<classeId>/pronote/pdf): the page's table for
// the current period, printed in one go. Its subject is the whole view (states, dates and
// PRONOTE's last reads), read before the browser is touched: the cache key follows it.
import 'server-only';
import { z } from 'zod';
import {
  getPreparationPronote,
  type PreparationPronoteView,
} from '@/lib/preparation-pronote/query';
import { formatDateFr } from '@/lib/common/dates';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { PreparationPronoteImprimee } from './print';
import { registerDocument } from '@/lib/impression/document';
import { fileSlug } from '@/lib/impression/file-names';
import { SHORT_DOCUMENTS_LANE } from '@/lib/impression/lanes';
import { idParam } from '@/lib/impression/params';

interface Params {
  classeId: string;
}

const pathIds = z.tuple([idParam]);

export const preparationPronoteDocument = registerDocument<
  Params,
  PreparationPronoteView,
  PreparationPronoteView
>({
  kind: 'pronote',
  scope: 'classe',
  notFound:
    "Cette préparation PRONOTE n'existe pas : la classe est inconnue de votre établissement.",
  lane: SHORT_DOCUMENTS_LANE,
  read(ids) {
    const parsed = pathIds.safeParse(ids);
    return parsed.success ? { classeId: parsed.data[0] } : null;
  },
  printRoute: (p) => ({ ids: [p.classeId], query: {} }),
  subject: (db, etablissementId, p) => getPreparationPronote(db, etablissementId, p.classeId),
  cacheKey: (p, view, day) => [p.classeId, day, view],
  fileName: (_p, view, day) =>
    `preparation-pronote-${fileSlug(view.classe.nom)}-${view.classe.anneeScolaire}-${day}.pdf`,
  // States and dates, no bilan's content: nothing to trace as shown.
  shown: async () => [],
  pdfAction: 'pdf_classe',
  load: (db, etablissementId, p) => getPreparationPronote(db, etablissementId, p.classeId),
  shownInPage: () => [],
  pageTitle: (view) => `Préparation PRONOTE — ${view.classe.nom} — ${view.classe.anneeScolaire}`,
  render: (view, _p, day) => (
    <>
      <PageFooter text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(day)}`} />
      <PreparationPronoteImprimee view={view} />
    </>
  ),
});
