// The class document's data (lib/impression/documents/derniers-bilans/descriptor.tsx): the latest bilan
// of every pupil of a class — written by the end of the class's school year — each shaped as
// its bilan page, in one query for the class (or for the pupils of one printed part).
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { isUuid } from '@/lib/common/ids';
import type { ApprenantOption, ClasseOption } from './classes';
import { compareApprenants } from './tri';
import { schoolYearEnd, stillEnrolled } from './inscriptions';
import { buildBilanPageView, type BilanPageView, type RawPage } from './bilan-view';
import { fetchRawPages } from './bilan-page-query';

const classeRow = z.object({
  id: z.string(),
  nom: z.string(),
  anneeScolaire: z.string(),
  etablissementNom: z.string(),
});

const apprenantRow = z.object({ id: z.string(), nom: z.string(), prenom: z.string() });

export interface DerniersBilansView {
  etablissementNom: string;
  classe: ClasseOption;
  /** Every pupil of the class in list order, with the view of their latest bilan. */
  apprenants: { apprenant: ApprenantOption; view: BilanPageView }[];
}

/** Each pupil's view of their latest bilan, in list order (« NOM Prénom »). */
function latestViewsInListOrder(rows: RawPage[]): DerniersBilansView['apprenants'] {
  return rows
    .map((raw) => buildBilanPageView(raw, null))
    .filter((view): view is BilanPageView => view !== null)
    .map((view) => ({ apprenant: view.apprenant, view }))
    .sort((a, b) => compareApprenants(a.apprenant, b.apprenant));
}

/**
 * The latest bilan of every pupil of a class, in one query; null (→ 404) for a malformed
 * id or a class of another establishment.
 */
export async function getDerniersBilans(
  db: Database,
  etablissementId: string,
  classeId: string,
  /** Only these pupils (one part of the class document); absent: the whole class. */
  apprenantIds?: string[],
): Promise<DerniersBilansView | null> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return null;
  if (apprenantIds && !apprenantIds.every(isUuid)) return null;
  const [rows, classe] = await Promise.all([
    apprenantIds?.length === 0
      ? []
      : fetchRawPages(db, etablissementId, { classeId, apprenantIds }, false),
    db.execute(sql`
      select c.id, c.nom, c.annee_scolaire as "anneeScolaire", e.nom as "etablissementNom"
        from classes c join etablissements e on e.id = c.etablissement_id
       where c.id = ${classeId} and c.etablissement_id = ${etablissementId}`),
  ]);
  const [info] = parseRows(classe, classeRow);
  if (!info) return null;
  return {
    etablissementNom: info.etablissementNom,
    classe: { id: info.id, nom: info.nom, anneeScolaire: info.anneeScolaire },
    apprenants: latestViewsInListOrder(rows),
  };
}

/** Each pupil's latest bilan in (a part of) the class document: what its readers are traced for. */
export function bilansOfDerniersBilans(
  view: DerniersBilansView,
): { apprenantId: string; bilanId: string }[] {
  return view.apprenants.flatMap(({ apprenant, view: page }) =>
    page.affiche ? [{ apprenantId: apprenant.id, bilanId: page.affiche.id }] : [],
  );
}

/**
 * The pupils of a class whose document has a bilan (one written by the end of the class's
 * school year), in list order: what the class document prints, a few per part. A light
 * query: no bilan content.
 */
export async function listApprenantsAvecBilan(
  db: Database,
  etablissementId: string,
  classeId: string,
): Promise<ApprenantOption[]> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return [];
  const result = await db.execute(sql`
    select a.id, a.nom, a.prenom
      from inscriptions i
      join classes c on c.id = i.classe_id and c.etablissement_id = ${etablissementId}
      join apprenants a on a.id = i.apprenant_id and a.etablissement_id = ${etablissementId}
     where i.classe_id = ${classeId} and ${stillEnrolled('i')}
       and exists (select 1 from bilans b where b.apprenant_id = a.id
                     and b.date < ${schoolYearEnd('c')})`);
  return parseRows(result, apprenantRow).sort(compareApprenants);
}
