// « Imprimer la synthèse »: the class synthesis (/classes/<classeId>/synthese/pdf), as of
// `au` and sorted by `tri` like the page, on one A4 landscape page.
import 'server-only';
import { z } from 'zod';
import {
  bilansOfSynthese,
  getSynthese,
  parseTri,
  type SyntheseTri,
  type SyntheseView,
} from '@/lib/synthese/query';
import { formatDateFr } from '@/lib/common/dates';
import { PageFooter } from '@/lib/ui/impression/page-footer';
import { SyntheseImprimee } from './print';
import { registerDocument } from '@/lib/impression/document';
import { fileSlug } from '@/lib/impression/file-names';
import { SHORT_DOCUMENTS_LANE } from '@/lib/impression/lanes';
import { dateParam, idParam, queryObject } from '@/lib/impression/params';
import { getClassePdfSujet, type ClassePdfSujet } from '@/lib/impression/sujets';

interface Params {
  classeId: string;
  /** The synthesis as it stood on that day; null: as it stands. */
  au: string | null;
  tri: SyntheseTri;
}

const request = z.object({
  ids: z.tuple([idParam]),
  query: z.object({ au: dateParam.optional(), tri: z.string().optional() }),
});

export const syntheseDocument = registerDocument<Params, ClassePdfSujet, SyntheseView>({
  kind: 'synthese',
  scope: 'classe',
  notFound:
    "Cette synthèse n'existe pas : la classe est inconnue de votre établissement, ou la date n'en est pas une.",
  lane: SHORT_DOCUMENTS_LANE,
  read(ids, query) {
    const parsed = request.safeParse({ ids, query: queryObject(query, ['au', 'tri']) });
    if (!parsed.success) return null;
    const {
      ids: [classeId],
      query: q,
    } = parsed.data;
    return { classeId, au: q.au ?? null, tri: parseTri(q.tri) };
  },
  printRoute: (p) => ({ ids: [p.classeId], query: { ...(p.au ? { au: p.au } : {}), tri: p.tri } }),
  subject: (db, etablissementId, p) => getClassePdfSujet(db, etablissementId, p.classeId),
  cacheKey: (p, sujet, day) => [
    p.classeId,
    p.au,
    p.tri,
    day,
    sujet.classeNom,
    sujet.anneeScolaire,
    sujet.empreinte,
  ],
  fileName: (p, sujet, day) =>
    `synthese-${fileSlug(sujet.classeNom)}-${sujet.anneeScolaire}-${p.au ?? day}.pdf`,
  // The bilans of the synthesis as of `au`: the print page's own query.
  async shown(db, etablissementId, p) {
    const view = await getSynthese(db, etablissementId, p.classeId, { au: p.au, tri: p.tri });
    return view ? bilansOfSynthese(view) : [];
  },
  pdfAction: 'pdf_classe',
  load: (db, etablissementId, p) =>
    getSynthese(db, etablissementId, p.classeId, { au: p.au, tri: p.tri }),
  shownInPage: (view) => bilansOfSynthese(view),
  pageTitle: ({ classe }) => `Synthèse de la classe ${classe.nom} ${classe.anneeScolaire}`,
  render: (view, _p, day) => (
    <>
      <PageFooter
        text={`CPRO · ${view.etablissementNom} · imprimé le ${formatDateFr(day)}`}
        paysage
      />
      <SyntheseImprimee view={view} />
    </>
  ),
});
