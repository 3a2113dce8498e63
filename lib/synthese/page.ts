// Data of « Synthèse de la classe » (/classes/<id>/synthese): the class's synthesis as it
// stands, or as it stood on `au` (AAAA-MM-JJ), sorted by name or by competences acquired.
// A malformed or foreign class id is the French 404; a malformed date is said on the page
// and ignored. Each bilan shown is traced as displayed, like a bilan page.
import 'server-only';
import { queryText, type SearchParams } from '@/lib/http/query';
import { cache } from 'react';
import { after } from 'next/server';
import { formatDateFr, parseIsoDate } from '@/lib/common/dates';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { normalizeUuid } from '@/lib/common/ids';
import { bilansOfSynthese, getSynthese, parseTri, type SyntheseView } from '@/lib/synthese/query';
import { lecteurOf } from '@/lib/trace/acces';
import { consultations } from '@/lib/trace/consultations';

export interface SynthesePage {
  view: SyntheseView;
  /** The `au` given that is no date (shown with a message), or null. */
  auInvalide: string | null;
}

export function loadSynthesePage(rawClasseId: string, params: SearchParams): Promise<SynthesePage> {
  return loadSynthese(rawClasseId, queryText(params, 'au'), queryText(params, 'tri'));
}

/** « Synthèse de la classe 1re SN 2015-2016 » (the layout adds « — CPRO »). */
export function synthesePageTitle({ view }: SynthesePage): string {
  const au = view.au ? ` au ${formatDateFr(view.au)}` : '';
  return `Synthèse de la classe ${view.classe.nom} ${view.classe.anneeScolaire}${au}`;
}

// Cached for the request by its parameters: the page and its title read it once.
const loadSynthese = cache(async function loadSynthese(
  rawClasseId: string,
  rawAu: string | null,
  rawTri: string | null,
): Promise<SynthesePage> {
  const teacher = await requireTeacher();
  const classeId = normalizeUuid(rawClasseId);
  if (!classeId) notFound();
  const au = parseIsoDate(rawAu);
  const tri = parseTri(rawTri);
  const view = await withDatabase(async () =>
    getSynthese(await getDb(), teacher.etablissement.id, classeId, { au, tri }),
  );
  if (!view) notFound();
  const route = `/classes/${classeId}/synthese`;
  const lecteur = lecteurOf(teacher);
  const at = new Date();
  after(() =>
    Promise.all(
      bilansOfSynthese(view).map((shown) =>
        consultations().add({ lecteur, access: { action: 'consultation', route, ...shown }, at }),
      ),
    ),
  );
  return { view, auInvalide: rawAu && !au ? rawAu.slice(0, 40) : null };
});
