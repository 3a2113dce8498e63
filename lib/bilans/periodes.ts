// The establishment's terms as a bilan's date says them: « T1 », « S2 » — councils and
// PRONOTE work by term — from the `periodes` an administrator enters (« Trimestre 1 »,
// « Semestre 2 »; any other name is said as it is). Pure functions.
import { schoolYearOf } from '@/lib/common/dates';

export interface Periode {
  libelle: string;
  debut: string;
  fin: string;
}

/** « Trimestre 2 » → « T2 », « Semestre 1 » → « S1 », anything else unchanged. */
export function periodeCourte(libelle: string): string {
  const match = /^\s*(trimestre|semestre)\s*(\d)\s*$/i.exec(libelle);
  if (!match) return libelle;
  return `${match[1]!.toLowerCase() === 'trimestre' ? 'T' : 'S'}${match[2]}`;
}

/** The short name of the period `date` (AAAA-MM-JJ) falls in, or null. */
export function periodeOf(date: string, periodes: readonly Periode[]): string | null {
  const periode = periodes.find((p) => p.debut <= date && date <= p.fin);
  return periode ? periodeCourte(periode.libelle) : null;
}

/** The periods of one school year, in order: what « Au » offers (their last days). */
export function periodesOfYear(periodes: readonly Periode[], anneeScolaire: string): Periode[] {
  return periodes
    .filter((p) => schoolYearOf(p.debut) === anneeScolaire)
    .sort((a, b) => a.debut.localeCompare(b.debut));
}
