// Which class a pupil was in when a bilan was written: their enrolment (`inscriptions`) of
// the bilan's school year (September to August), else their latest one — one rule for the
// page, the PDFs, the PRONOTE export and the access trace. SQL fragments, so that each
// caller keeps its single query.
import { sql, type SQL } from 'drizzle-orm';

/** The first year of the school year of a date expression (2016-06-16 → 2015). */
export function schoolYearStart(date: SQL): SQL {
  return sql`extract(year from ${date} - interval '8 months')::int`;
}

function alias(name: string): SQL {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`alias SQL invalide : ${name}`);
  return sql.raw(name);
}

/**
 * The first day after the school year of class `classe` (a table alias): 2015-2016 →
 * 2016-09-01. A class's documents show the bilans written before it.
 */
export function schoolYearEnd(classe: string): SQL {
  const c = alias(classe);
  return sql`make_date(left(${c}.annee_scolaire, 4)::int + 1, 9, 1)`;
}

/**
 * A subquery giving the class id of pupil `apprenant` (a table alias) for the school year
 * of `date` (an SQL expression; null → the latest enrolment).
 */
export function enrolledClassId(apprenant: string, date: SQL | null): SQL {
  const a = alias(apprenant);
  const sameYear = date
    ? sql`left(i.annee_scolaire, 4)::int = ${schoolYearStart(date)} desc nulls last,`
    : sql``;
  return sql`(select i.classe_id from inscriptions i
               where i.apprenant_id = ${a}.id
               order by ${sameYear} i.annee_scolaire desc
               limit 1)`;
}

/**
 * Whether enrolment `inscription` (a table alias) still places its pupil in the class: a
 * pupil who left (SIECLE's exit date) is no longer in their class's list or its documents;
 * their own page and bilans stay.
 */
export function stillEnrolled(inscription: string): SQL {
  return sql`${alias(inscription)}.sortie_le is null`;
}
