// What an STS-Web export says, once read: the establishment, the school year, its teachers
// (INDIVIDU with a function) and, for each division, who teaches in it (its services and its
// groups' services, and its principal teachers). Shared by the parser, the preview, the apply
// step and the pending import (stored as JSON between preview and apply).
import 'server-only';
import { z } from 'zod';

export const stsIndividuSchema = z.object({
  /** STS-Web's INDIVIDU@ID, stable for a person within the establishment. */
  id: z.string(),
  /** NOM_USAGE (else NOM_PATRONYMIQUE). */
  nom: z.string(),
  prenom: z.string(),
  fonction: z.string(),
});
export type StsIndividu = z.infer<typeof stsIndividuSchema>;

export const stsFichierSchema = z.object({
  uaj: z.string(),
  /** « 2026-2027 » for ANNEE_SCOLAIRE@ANNEE 2026. */
  anneeScolaire: z.string(),
  individus: z.array(stsIndividuSchema),
  /** Each division's code and its teachers' ids (services, groups, principal teacher). */
  divisions: z.array(z.object({ code: z.string(), enseignants: z.array(z.string()) })),
});
export type StsFichier = z.infer<typeof stsFichierSchema>;
