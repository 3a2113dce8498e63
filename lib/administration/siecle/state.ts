// The establishment's data a SIECLE import is compared with: its pupils, their enrolments
// (the file's year and each pupil's latest), the year's classes, the referentials and the
// referentials chosen earlier per division. Five indexed reads, whatever the file's size.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { apprenants, classes, referentiels, referentielsDivisions } from '@/lib/db/schema';
import type { EtatEtablissement } from './plan';

const inscriptionRow = z.object({
  apprenant_id: z.string(),
  annee_scolaire: z.string(),
  classe: z.string(),
  sortie_le: z.string().nullable(),
});

export async function loadEtat(
  db: Database,
  etablissementId: string,
  anneeScolaire: string,
): Promise<EtatEtablissement> {
  // One after another: inside apply's transaction they share one connection.
  const eleves = await db
    .select({
      id: apprenants.id,
      nom: apprenants.nom,
      prenom: apprenants.prenom,
      ine: apprenants.ine,
      siecleEleveId: apprenants.siecleEleveId,
    })
    .from(apprenants)
    .where(eq(apprenants.etablissementId, etablissementId));
  // The year's enrolment, else the latest one: what « moved from » names.
  const inscriptions = await db.execute(sql`
      select distinct on (i.apprenant_id) i.apprenant_id, i.annee_scolaire, c.nom as classe,
             to_char(i.sortie_le, 'YYYY-MM-DD') as sortie_le
        from inscriptions i
        join classes c on c.id = i.classe_id
       where c.etablissement_id = ${etablissementId}
       order by i.apprenant_id, (i.annee_scolaire = ${anneeScolaire}) desc, i.annee_scolaire desc`);
  const classesAnnee = await db
    .select({ id: classes.id, nom: classes.nom, referentielId: classes.referentielId })
    .from(classes)
    .where(
      and(eq(classes.etablissementId, etablissementId), eq(classes.anneeScolaire, anneeScolaire)),
    );
  const refs = await db
    .select({
      id: referentiels.id,
      code: referentiels.code,
      sigle: referentiels.sigle,
      libelle: referentiels.libelle,
    })
    .from(referentiels)
    .orderBy(referentiels.sigle);
  const choix = await db
    .select({
      code: referentielsDivisions.codeDivision,
      referentielId: referentielsDivisions.referentielId,
    })
    .from(referentielsDivisions)
    .where(eq(referentielsDivisions.etablissementId, etablissementId));
  return {
    apprenants: eleves,
    inscriptions: parseRows(inscriptions, inscriptionRow).map((r) => ({
      apprenantId: r.apprenant_id,
      anneeScolaire: r.annee_scolaire,
      classe: r.classe,
      sortieLe: r.sortie_le,
    })),
    classes: classesAnnee,
    referentiels: refs,
    choixDivisions: new Map(choix.map((c) => [c.code, c.referentielId])),
  };
}
