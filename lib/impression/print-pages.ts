// Data of the print pages (/impression/…), read by our PDF browser only: the ids, a
// single-use token for exactly this document (print-access.ts), one query, and the read
// traced to the teacher the document is printed for. Anything wrong → 404.
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { formatDateFr, parseIsoDate } from '@/lib/common/dates';
import { getDb } from '@/lib/db/client';
import {
  getBilanPage,
  getDerniersBilans,
  listApprenantsAvecBilan,
  type BilanPageView,
  type DerniersBilansView,
} from '@/lib/bilans/bilan-page';
import { normalizeUuid } from '@/lib/common/ids';
import { traceBilan, traceShown } from '@/lib/trace/acces';
import { shownInDerniersBilans, shownInSynthese } from './shown';
import { traceAfterResponse } from '@/lib/trace/after-response';
import { claimPrintToken } from './print-access';
import { formatClassPart, parseClassPart, pupilsOfPart } from './class-parts';
import { getSynthese, parseTri, type SyntheseView } from '@/lib/bilans/synthese';

/** A query parameter as text (Next.js gives arrays for repeated ones): anything else is absent. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The ids a synthesis print token names: the class, the date (or « - ») and the sort. */
export function syntheseTokenIds(classeId: string, au: string | null, tri: string): string[] {
  return [classeId, au ?? '-', tri];
}

/** The class synthesis on one landscape page (its token names class, date and sort). */
export function loadSyntheseImprimee(
  rawClasseId: string,
  jeton: unknown,
  rawAu: unknown,
  rawTri: unknown,
): Promise<SyntheseView> {
  return loadSyntheseImprimeeOnce(rawClasseId, text(jeton) ?? '', text(rawAu), text(rawTri));
}

// Once per request: the page and its title read it with ONE use of the token.
const loadSyntheseImprimeeOnce = cache(async function loadSyntheseImprimeeOnce(
  rawClasseId: string,
  jeton: string,
  rawAu: string | undefined,
  rawTri: string | undefined,
): Promise<SyntheseView> {
  const classeId = normalizeUuid(rawClasseId);
  if (!classeId) notFound();
  const au = rawAu === undefined ? null : parseIsoDate(rawAu);
  if (rawAu !== undefined && !au) notFound();
  const tri = parseTri(rawTri);
  const db = await getDb();
  const lecteur = await claimPrintToken(db, jeton, 'synthese', syntheseTokenIds(classeId, au, tri));
  if (!lecteur) notFound();
  const view = await getSynthese(db, lecteur.etablissementId, classeId, { au, tri });
  if (!view) notFound();
  const route = `/impression/classes/${classeId}/synthese`;
  const shown = shownInSynthese(view);
  traceAfterResponse((trace) => traceShown(trace, lecteur, { action: 'impression', route }, shown));
  return view;
});

export function loadBilanImprime(
  raw: { apprenantId: string; bilanId: string },
  jeton: unknown,
): Promise<BilanPageView> {
  return loadBilanImprimeOnce(raw.apprenantId, raw.bilanId, text(jeton) ?? '');
}

/** The PDF's title (Chromium takes the page's): « Bilan de HUBERT Angie du 16/06/2016 ». */
export function bilanImprimeTitle(view: BilanPageView): string {
  const date = view.affiche ? ` du ${formatDateFr(view.affiche.date)}` : '';
  return `Bilan de ${view.apprenant.nom} ${view.apprenant.prenom}${date}`;
}

// Once per request: the page and its title read it with ONE use of the token.
const loadBilanImprimeOnce = cache(async function loadBilanImprimeOnce(
  rawApprenantId: string,
  rawBilanId: string,
  jeton: string,
): Promise<BilanPageView> {
  const apprenantId = normalizeUuid(rawApprenantId);
  const bilanId = normalizeUuid(rawBilanId);
  if (!apprenantId || !bilanId) notFound();
  const db = await getDb();
  const lecteur = await claimPrintToken(db, jeton, 'bilan', [apprenantId, bilanId]);
  if (!lecteur) notFound();
  const view = await getBilanPage(db, lecteur.etablissementId, apprenantId, bilanId, {
    selection: false,
  });
  if (!view) notFound();
  const route = `/impression/bilans/${apprenantId}/${bilanId}`;
  traceAfterResponse((trace) =>
    traceBilan(trace, lecteur, { action: 'impression', route, apprenantId, bilanId }),
  );
  return view;
});

/** `pages=2,4,7` of the cover: the first page of each pupil; null when absent. */
function parsePages(raw: string | undefined): number[] | null | 'invalide' {
  if (raw === undefined) return null;
  if (!/^\d{1,4}(,\d{1,4}){0,499}$/.test(raw)) return 'invalide';
  return raw.split(',').map(Number);
}

export interface PartieImprimee {
  view: DerniersBilansView;
  couverture: boolean;
  /** On the cover: each pupil with a bilan's first page, in list order; null on a part. */
  premieresPages: number[] | null;
}

/**
 * One print of the class document (class-parts.ts): its token names the class and the part
 * — and, for the cover (part 0, printed last), the page index it shows. The cover gets the
 * whole class; a later part only the pupils it prints. Read once per request (page and
 * title share the token's use).
 */
export function loadDerniersBilansImprimes(
  rawClasseId: string,
  jeton: unknown,
  rawPartie: unknown,
  rawPages: unknown,
): Promise<PartieImprimee> {
  return loadPartieOnce(rawClasseId, text(jeton) ?? '', text(rawPartie), text(rawPages));
}

const loadPartieOnce = cache(async function loadPartieOnce(
  rawClasseId: string,
  jeton: string,
  rawPartie: string | undefined,
  rawPages: string | undefined,
): Promise<PartieImprimee> {
  const classeId = normalizeUuid(rawClasseId);
  const part = parseClassPart(rawPartie);
  const pages = parsePages(rawPages);
  // The cover always shows its index, a pupils' part never does.
  if (!classeId || !part || pages === 'invalide' || (pages !== null) !== (part.part === 0)) {
    notFound();
  }
  const db = await getDb();
  const ids = [classeId, formatClassPart(part), ...(pages ? [pages.join(',')] : [])];
  const lecteur = await claimPrintToken(db, jeton, 'classe', ids);
  if (!lecteur) notFound();
  const route = `/impression/classes/${classeId}/derniers-bilans`;
  // The cover is an index (names, dates, pages): each pupil's bilan is traced once, by the
  // part that prints it.
  if (part.part === 0) {
    const view = await getDerniersBilans(db, lecteur.etablissementId, classeId);
    if (!view) notFound();
    return { view, couverture: true, premieresPages: pages };
  }
  // A part reads its own pupils only: the class's bilans are not read once per part.
  const avecBilan = await listApprenantsAvecBilan(db, lecteur.etablissementId, classeId);
  const pupils = pupilsOfPart(avecBilan, part).map((a) => a.id);
  const view = await getDerniersBilans(db, lecteur.etablissementId, classeId, pupils);
  if (!view || view.apprenants.length === 0) notFound();
  const shown = shownInDerniersBilans(view);
  traceAfterResponse((trace) => traceShown(trace, lecteur, { action: 'impression', route }, shown));
  return { view, couverture: false, premieresPages: null };
});
