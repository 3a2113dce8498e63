// Class teams (équipes pédagogiques): which teachers teach a class in its school year. A
// teacher writes the bilans of the pupils of their classes' teams only (« Rédiger un bilan »,
// « Saisie des bilans »); every teacher of the establishment reads every bilan. The gate of
// every write checks it here, in the code that writes.
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseRows } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import { classes, equipes } from '@/lib/db/schema';
import { schoolYearOf } from '@/lib/common/dates';

/** Whether `utilisateurId` is in the team of class `classeId` (of `etablissementId`). */
export async function inTeam(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  classeId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ classeId: equipes.classeId })
    .from(equipes)
    .innerJoin(classes, eq(classes.id, equipes.classeId))
    .where(
      and(
        eq(equipes.classeId, classeId),
        eq(equipes.utilisateurId, utilisateurId),
        eq(classes.etablissementId, etablissementId),
      ),
    );
  return row !== undefined;
}

export interface CurrentClass {
  id: string;
  nom: string;
  anneeScolaire: string;
  referentielId: string;
}

/**
 * The rule « this teacher writes this pupil's bilans », as the FROM and WHERE of a statement:
 * the class the pupil is enrolled in this school year (not left), of the establishment, whose
 * team holds the teacher — `i` the enrolment, `c` the class. Shared by writableClassOf and the
 * saves' one read (lib/redaction/brouillon.ts), so that the rule has one text.
 */
export function writableClassFrom(
  etablissementId: string,
  utilisateurId: string,
  apprenantId: string,
  today: string,
): SQL {
  return sql`
        from inscriptions i
        join classes c on c.id = i.classe_id and c.etablissement_id = ${etablissementId}
        join equipes e on e.classe_id = c.id and e.utilisateur_id = ${utilisateurId}
       where i.apprenant_id = ${apprenantId} and i.annee_scolaire = ${schoolYearOf(today)}
         and i.sortie_le is null`;
}

const currentClassRow = z.object({
  id: z.string(),
  nom: z.string(),
  annee_scolaire: z.string(),
  referentiel_id: z.string(),
});

/**
 * Whether the teacher writes this pupil's bilans: in the team of the pupil's current class.
 * Returns that class when so, null otherwise (no current class, or not in its team).
 */
export async function writableClassOf(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  apprenantId: string,
  today: string,
): Promise<CurrentClass | null> {
  const [row] = parseRows(
    await db.execute(sql`
      select c.id, c.nom, c.annee_scolaire, c.referentiel_id
      ${writableClassFrom(etablissementId, utilisateurId, apprenantId, today)}
       limit 1`),
    currentClassRow,
  );
  return row
    ? {
        id: row.id,
        nom: row.nom,
        anneeScolaire: row.annee_scolaire,
        referentielId: row.referentiel_id,
      }
    : null;
}
