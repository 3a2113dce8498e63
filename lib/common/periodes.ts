// The establishment's terms as dates say them: the period containing a date (the current
// one for today: what PRONOTE reads), its short name — « T1 », « S2 », councils and PRONOTE
// work by term — from what an administrator entered (« Trimestre 1 », « Semestre 2 »; any
// other name said as it is), and a school year's periods in order. Pure functions, shared by
// the administration (which writes the periods) and the pages and documents (which show them).
import { schoolYearOf } from './dates';

/** How long after its last day PRONOTE still reads a period, unless the administrator says. */
export const CLOTURE_APRES_JOURS = 21;

/** A period's default closing day for PRONOTE: three weeks after its last day. */
export function defaultCloture(fin: string): string {
  const day = new Date(`${fin}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + CLOTURE_APRES_JOURS);
  return day.toISOString().slice(0, 10);
}

/** Whether PRONOTE reads the period on `today`: begun, and not closed. */
export function periodeOuverte(p: { debut: string; cloture: string }, today: string): boolean {
  return p.debut <= today && today <= p.cloture;
}

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
