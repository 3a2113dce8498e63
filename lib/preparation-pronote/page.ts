// Data of « Préparation PRONOTE » (/classes/<id>/pronote): the class's pupils and their bilan
// of the current period (lib/preparation-pronote/query.ts). A malformed or foreign class id
// is the French 404. No bilan's content is shown (states and dates), so nothing is traced.
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { normalizeUuid } from '@/lib/common/ids';
import { todayInParis } from '@/lib/common/dates';
import {
  getPreparationPronote,
  type PreparationPronoteView,
} from '@/lib/preparation-pronote/query';

// Cached for the request: the page and its title read it once.
export const loadPreparationPronotePage = cache(async function loadPreparationPronotePage(
  rawClasseId: string,
): Promise<PreparationPronoteView> {
  const teacher = await requireTeacher();
  const classeId = normalizeUuid(rawClasseId);
  if (!classeId) notFound();
  const view = await withDatabase(async () =>
    getPreparationPronote(
      await getDb(),
      teacher.etablissement.id,
      classeId,
      todayInParis(),
      teacher.id,
    ),
  );
  if (!view) notFound();
  return view;
});

/** « Préparation PRONOTE — Tle CIEL 2026-2027 » (the layout adds « — CPRO »). */
export function preparationPronoteTitle(view: PreparationPronoteView): string {
  return `Préparation PRONOTE — ${view.classe.nom} ${view.classe.anneeScolaire}`;
}
