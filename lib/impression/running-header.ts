// The running header of a pupil's pages — « NOM Prénom · Tle CIEL 2026-2027 · bilan du
// 17/11/2026 (T1) » — the same on every page of every printed bilan: the single bilan's PDF
// (drawn by Chromium in its page margin) and each pupil's section of a class document
// (stamped when the parts are joined: class-sections.ts).
import 'server-only';
import { formatDateFr, schoolYearOf } from '@/lib/common/dates';

export interface RunningHeaderParts {
  /** « NOM Prénom ». */
  apprenant: string;
  classeNom: string;
  anneeScolaire: string;
  /** The bilan's date (ISO); absent when the caller does not know which bilan it is. */
  date?: string;
  /** Its term (« T1 »), when the establishment's periods cover it. */
  periode?: string | null;
}

export function pupilRunningHeader(p: RunningHeaderParts): string {
  // A bilan of a school year before the class's says so: June's levels are not this year's.
  const precedente = p.date !== undefined && schoolYearOf(p.date.slice(0, 10)) < p.anneeScolaire;
  const date = p.date
    ? ` · bilan du ${formatDateFr(p.date)}${precedente ? ' (année précédente)' : p.periode ? ` (${p.periode})` : ''}`
    : '';
  return `${p.apprenant} · ${p.classeNom} ${p.anneeScolaire}${date}`;
}
