// What defines a PDF, read cheaply before deciding to print: who it is about, which bilans
// it shows and their validation. Bilans are immutable, so these ids and states (with the
// names printed on it) are a complete cache key; the print page itself reads the rest.
// Both queries are scoped to the teacher's establishment: null means 404.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { isUuid } from '@/lib/common/ids';
import { bilanOrder } from '@/lib/bilans/ordre';
import { enrolledClassId, schoolYearEnd, stillEnrolled } from '@/lib/bilans/inscriptions';
import { z } from 'zod';
import { apprenantRow } from '@/lib/bilans/rows';

export interface BilanPdfSujet {
  etablissementNom: string;
  nom: string;
  prenom: string;
  date: string;
  /** Everything printed that could differ between two prints of this bilan. */
  empreinte: unknown;
}

export interface ClassePdfSujet {
  etablissementNom: string;
  classeNom: string;
  anneeScolaire: string;
  /**
   * The pupils the class document prints a bilan for, each with that bilan (their latest
   * written by the end of the class's school year, as the print page picks it): what its
   * access trace names, and how many parts it is printed in.
   */
  apprenants: {
    id: string;
    nom: string;
    prenom: string;
    bilanId: string;
    date: string;
    /** The bilan's term (« Trimestre 1 »), when the establishment's periods cover it. */
    periode: string | null;
  }[];
  empreinte: unknown;
}

const bilanSujetRow = z.object({
  etablissementNom: z.string(),
  nom: z.string(),
  prenom: z.string(),
  date: z.string(),
  empreinte: z.unknown(),
});

export async function getBilanPdfSujet(
  db: Database,
  etablissementId: string,
  apprenantId: string,
  bilanId: string,
): Promise<BilanPdfSujet | null> {
  if (![etablissementId, apprenantId, bilanId].every(isUuid)) return null;
  const result = await db.execute(sql`
    select e.nom as "etablissementNom", a.nom, a.prenom, to_char(b.date, 'YYYY-MM-DD') as date,
           json_build_array(a.nom, a.prenom, a.ine, c.nom, c.annee_scolaire, e.nom, b.referentiel_id,
             (select json_agg(json_build_array(b2.id, b2.valide_le) order by ${bilanOrder('b2')})
                from bilans b2
               where b2.apprenant_id = a.id and (b2.date, b2.cree_le, b2.id) <= (b.date, b.cree_le, b.id))) as empreinte
      from bilans b
      join apprenants a on a.id = b.apprenant_id
      join classes c on c.id = ${enrolledClassId('a', sql`b.date`)}
      join etablissements e on e.id = a.etablissement_id
     where b.id = ${bilanId} and a.id = ${apprenantId} and a.etablissement_id = ${etablissementId}`);
  return parseRows(result, bilanSujetRow)[0] ?? null;
}

const classeSujetRow = z.object({
  etablissementNom: z.string(),
  classeNom: z.string(),
  anneeScolaire: z.string(),
  apprenants: z
    .array(
      apprenantRow.extend({
        bilanId: z.string(),
        date: z.string(),
        periode: z.string().nullable(),
      }),
    )
    .nullable()
    .transform((apprenants) => apprenants ?? []),
  empreinte: z.unknown(),
});

export async function getClassePdfSujet(
  db: Database,
  etablissementId: string,
  classeId: string,
): Promise<ClassePdfSujet | null> {
  if (![etablissementId, classeId].every(isUuid)) return null;
  const result = await db.execute(sql`
    select e.nom as "etablissementNom", c.nom as "classeNom", c.annee_scolaire as "anneeScolaire",
           (select json_agg(json_build_object('id', a.id, 'nom', a.nom, 'prenom', a.prenom,
                                              'bilanId', d.id, 'date', to_char(d.date, 'YYYY-MM-DD'),
                                              'periode', (select p.libelle from periodes p
                                                           where p.etablissement_id = ${etablissementId}
                                                             and d.date between p.debut and p.fin
                                                           limit 1)))
              from inscriptions i join apprenants a on a.id = i.apprenant_id
              -- As the class document: the latest bilan written by the end of the school year.
              cross join lateral (
                select b.id, b.date from bilans b
                 where b.apprenant_id = a.id and b.date < ${schoolYearEnd('c')}
                 order by ${bilanOrder('b', 'latest')} limit 1) d
             where i.classe_id = c.id and ${stillEnrolled('i')} and a.etablissement_id = ${etablissementId}
           ) as apprenants,
           (select json_agg(json_build_array(a.id, a.nom, a.prenom, a.ine,
                     (select json_agg(json_build_array(b.id, b.valide_le) order by ${bilanOrder('b')})
                        from bilans b where b.apprenant_id = a.id))
                     order by a.id)
              from inscriptions i join apprenants a on a.id = i.apprenant_id
             where i.classe_id = c.id and ${stillEnrolled('i')} and a.etablissement_id = ${etablissementId}) as empreinte
      from classes c
      join etablissements e on e.id = c.etablissement_id
     where c.id = ${classeId} and c.etablissement_id = ${etablissementId}`);
  return parseRows(result, classeSujetRow)[0] ?? null;
}
