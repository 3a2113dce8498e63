// Data of the selection page (/bilans, /bilans?classe=…): the teacher's classes and, once a
// class is chosen, its pupils. The no-JavaScript form's choices arrive as query parameters:
// an arrow (`aller`) or a pupil chosen in the class go to that pupil's page.
import 'server-only';
import { queryText, type SearchParams } from '@/lib/http/query';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import {
  listApprenants,
  listClasses,
  type ApprenantOption,
  type ClasseOption,
} from '@/lib/bilans/classes';
import { normalizeUuid } from '@/lib/common/ids';
import { pupilPath } from '@/lib/http/paths';
import { inTeam } from '@/lib/equipes/equipes';
import { closingWithDrafts, type ClotureProche } from '@/lib/bilans/cloture';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { classDocumentButtons } from '@/lib/impression/documents';
import type { ClassDocumentButton } from '@/lib/ui/bilans/class-documents';

export interface SelectionPage {
  classes: ClasseOption[];
  classe: ClasseOption | null;
  apprenants: ApprenantOption[];
  /** « Saisie des bilans »: the chosen class is this year's and the teacher is in its team. */
  saisie: boolean;
  /** Ended periods PRONOTE still reads that have drafts in the class (a warning). */
  clotures: ClotureProche[];
  /** The class documents offered beside the selector. */
  documents: ClassDocumentButton[];
}

export function loadSelectionPage(params: SearchParams): Promise<SelectionPage> {
  return loadSelection(
    queryText(params, 'classe'),
    queryText(params, 'apprenant'),
    queryText(params, 'aller'),
  );
}

/** « 1re SN 2015-2016 » once a class is chosen (the layout adds « — CPRO »). */
export function selectionPageTitle(page: SelectionPage): string {
  return page.classe ? `${page.classe.nom} ${page.classe.anneeScolaire}` : 'Bilans des compétences';
}

// Cached for the request by its parameters: the page and its title read it once.
const loadSelection = cache(async function loadSelection(
  rawClasse: string | null,
  rawApprenant: string | null,
  aller: string | null,
): Promise<SelectionPage> {
  const teacher = await requireTeacher();
  const apprenantId = normalizeUuid(rawApprenant);

  const classeId = normalizeUuid(rawClasse);
  // The arrows of the no-JavaScript form: go to that pupil (their page checks the establishment).
  if (aller) {
    const id = normalizeUuid(aller);
    if (!id) notFound();
    // The class the teacher steps through stays in the pupil's URL.
    redirect(pupilPath(id, { classeId }));
  }
  if (rawClasse && !classeId) notFound();

  const etablissementId = teacher.etablissement.id;
  const today = todayInParis();
  const [classes, apprenants, equipe, clotures] = await withDatabase(async () => {
    const db = await getDb();
    return Promise.all([
      listClasses(db, etablissementId),
      classeId ? listApprenants(db, etablissementId, classeId) : Promise.resolve([]),
      classeId ? inTeam(db, etablissementId, teacher.id, classeId) : Promise.resolve(false),
      classeId ? closingWithDrafts(db, etablissementId, classeId, today) : Promise.resolve([]),
    ]);
  });
  const classe = classeId ? (classes.find((c) => c.id === classeId) ?? null) : null;
  if (classeId && !classe) notFound();
  // A pupil chosen in the no-JavaScript form, if they belong to the chosen class.
  if (apprenantId && apprenants.some((a) => a.id === apprenantId))
    redirect(pupilPath(apprenantId, { classeId }));
  const saisie = equipe && classe?.anneeScolaire === schoolYearOf(today);
  return { classes, classe, apprenants, saisie, clotures, documents: classDocumentButtons() };
});
