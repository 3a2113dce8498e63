// The establishment's terms as dates say them: the period containing a date (the current
// one for today: what PRONOTE reads), its short name — « T1 », « S2 », councils and PRONOTE
// work by term — from what an administrator entered (« Trimestre 1 », « Semestre 2 »; any
// other name said as it is), and a school year's periods in order. Pure functions, shared by
// the administration (which writes the periods) and the pages and documents (which show them).
import { schoolYearOf } from './dates';

export interface PeriodeBornes {
  libelle: string;
  debut: string;
  fin: string;
}

/** The period containing `date` (AAAA-MM-JJ), bounds included, or null. */
export function periodeContenant<P extends PeriodeBornes>(
  periodes: readonly P[],
  date: string,
): P | null {
  return periodes.find((p) => p.debut <= date && date <= p.fin) ?? null;
}

/** « Trimestre 2 » → « T2 », « Semestre 1 » → « S1 », anything else unchanged. */
export function periodeCourte(libelle: string): string {
  const match = /^\s*(trimestre|semestre)\s*(\d)\s*$/i.exec(libelle);
  if (!match) return libelle;
  return `${match[1]!.toLowerCase() === 'trimestre' ? 'T' : 'S'}${match[2]}`;
}

/** The short name of the period `date` falls in, or null. */
export function periodeOf(date: string, periodes: readonly PeriodeBornes[]): string | null {
  const periode = periodeContenant(periodes, date);
  return periode ? periodeCourte(periode.libelle) : null;
}

/** The periods of one school year, in order: what « Au » offers (their last days). */
export function periodesOfYear<P extends PeriodeBornes>(
  periodes: readonly P[],
  anneeScolaire: string,
): P[] {
  return periodes
    .filter((p) => schoolYearOf(p.debut) === anneeScolaire)
    .sort((a, b) => a.debut.localeCompare(b.debut));
}
