// A period that has ended but that PRONOTE still reads (its councils are held, its closing day
// not passed), and how many of a class's pupils still have a draft of it — PRONOTE will not
// read those unless validated before the closing day. The class's page warns of it.
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { stillEnrolled } from './inscriptions';

export interface ClotureProche {
  libelle: string;
  anneeScolaire: string;
  cloture: string;
  /** Pupils of the class with a draft dated in the period. */
  brouillons: number;
}

const row = z.object({
  libelle: z.string(),
  anneeScolaire: z.string(),
  cloture: z.string(),
  brouillons: z.coerce.number(),
});

/** The ended, not closed periods whose drafts the class still has, the one closing first first. */
export async function closingWithDrafts(
  db: Database,
  etablissementId: string,
  classeId: string,
  today: string,
): Promise<ClotureProche[]> {
  const rows = parseRows(
    await db.execute(sql`
      select p.libelle, p.annee_scolaire as "anneeScolaire",
             to_char(p.cloture, 'YYYY-MM-DD') as cloture,
             (select count(distinct b.apprenant_id)
                from bilans b join inscriptions i on i.apprenant_id = b.apprenant_id
               where i.classe_id = ${classeId} and ${stillEnrolled('i')}
                 and b.valide_le is null and b.date between p.debut and p.fin) as brouillons
        from periodes p
       where p.etablissement_id = ${etablissementId}
         and p.fin < ${today}::date and ${today}::date <= p.cloture
       order by p.cloture`),
    row,
  );
  return rows.filter((r) => r.brouillons > 0);
}
