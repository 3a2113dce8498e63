// A competence as « Rédiger un bilan » draws it.
import type { Niveau } from '@/lib/bilans/niveaux';

export interface CompetenceForm {
  code: string;
  libelle: string;
  /** The level of the pupil's last validated bilan, or null. */
  precedent: Niveau | null;
}
