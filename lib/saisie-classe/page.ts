// Data of « Saisie de la classe » (/classes/<classeId>/saisie): the teacher checked, then the
// class of their establishment (else 404) whose team they are in (else the 403 page), its
// grid (lib/saisie-classe/grille.ts). Levels are pupils' data being written by their team:
// read like the form of « Rédiger un bilan », not traced as a consultation.
import 'server-only';
import { cache } from 'react';
import { forbidden, notFound } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { normalizeUuid } from '@/lib/common/ids';
import { todayInParis } from '@/lib/common/dates';
import { loadGrille, type Grille } from '@/lib/saisie-classe/grille';

export interface SaisieClassePage extends Grille {
  /** Where the browser keeps rows not yet saved: per teacher and class. */
  cleLocale: string;
}

// Cached for the request: the page and its title read it once.
export const loadSaisieClassePage = cache(async function loadSaisieClassePage(
  rawClasseId: string,
): Promise<SaisieClassePage> {
  const teacher = await requireTeacher();
  const classeId = normalizeUuid(rawClasseId);
  if (!classeId) notFound();
  const grille = await withDatabase(async () =>
    loadGrille(await getDb(), teacher.etablissement.id, teacher.id, classeId, todayInParis()),
  );
  if (grille === 'introuvable') notFound();
  if (grille === 'interdit') forbidden();
  return { ...grille, cleLocale: `cpro-saisie:${teacher.id}:${classeId}` };
});

/** « Saisie des bilans — Tle CIEL 2026-2027 » (the layout adds « — CPRO »). */
export function saisieClasseTitle(page: SaisieClassePage): string {
  return `Saisie des bilans — ${page.classe.nom} ${page.classe.anneeScolaire}`;
}
