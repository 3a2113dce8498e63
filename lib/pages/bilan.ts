// Data of the bilan page (/bilans/<apprenantId>[/<bilanId>]): the teacher, one query for
// everything the page shows, a 404 for anything not found in the teacher's establishment,
// and the view queued for the access trace (lib/trace/trace-queue.ts).
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { formatDateFr } from '@/lib/common/dates';
import { after } from 'next/server';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { type BilanPageView } from '@/lib/bilans/bilan-view';
import { getBilanPage } from '@/lib/bilans/bilan-page-query';
import { normalizeUuid } from '@/lib/common/ids';
import { consultations } from '@/lib/trace/consultations';
import { lecteurOf } from '@/lib/trace/acces';

/**
 * Cached for the request: the page and its metadata (document title) read it once, and the
 * view is traced once.
 */
export const loadBilanPage = cache(async function loadBilanPage(
  rawApprenantId: string,
  rawBilanId: string | null,
  /** `?classe=`: the class the teacher came from (ignored when malformed or not the pupil's). */
  rawClasseId: string | null = null,
): Promise<BilanPageView> {
  const teacher = await requireTeacher();
  const apprenantId = normalizeUuid(rawApprenantId);
  const bilanId = rawBilanId === null ? null : normalizeUuid(rawBilanId);
  if (!apprenantId || (rawBilanId !== null && !bilanId)) notFound();
  const classeId = normalizeUuid(rawClasseId);
  const view = await withDatabase(async () =>
    getBilanPage(await getDb(), teacher.etablissement.id, apprenantId, bilanId, {
      selection: true,
      classeId,
    }),
  );
  if (!view) notFound();
  const shown = view.affiche;
  if (shown) {
    after(
      consultations().add({
        lecteur: lecteurOf(teacher),
        access: {
          action: 'consultation',
          route: bilanId ? `/bilans/${apprenantId}/${bilanId}` : `/bilans/${apprenantId}`,
          apprenantId: view.apprenant.id,
          bilanId: shown.id,
        },
        at: new Date(),
      }),
    );
  }
  return view;
});

/** « Bilan de HUBERT Angie du 16/06/2016 » (the layout adds « — CPRO »). */
export function bilanPageTitle(view: BilanPageView): string {
  const who = `Bilan de ${view.apprenant.nom} ${view.apprenant.prenom}`;
  return view.affiche ? `${who} du ${formatDateFr(view.affiche.date)}` : who;
}
