// What a SIECLE export says, once read: the establishment, the school year and its pupils,
// each with their division (the class) for that year. Shared by the parser, the preview,
// the apply step and the pending import (stored as JSON between preview and apply).
import 'server-only';
import { z } from 'zod';

export const siecleEleveSchema = z.object({
  /** SIECLE's ELEVE_ID, stable for a pupil within the establishment. */
  eleveId: z.string(),
  /** ID_NATIONAL (INE), upper-cased; null when the file has none. */
  ine: z.string().nullable(),
  /** The usage name where present, else the family name. */
  nom: z.string(),
  prenom: z.string(),
  codeMef: z.string().nullable(),
  /** DATE_SORTIE as AAAA-MM-JJ: the pupil has left the establishment. */
  dateSortie: z.string().nullable(),
  /** CODE_STRUCTURE of the pupil's division (TYPE_STRUCTURE D), groups ignored. */
  division: z.string().nullable(),
  /** Line of the ELEVE element, for messages. */
  ligne: z.number().int(),
});
export type SiecleEleve = z.infer<typeof siecleEleveSchema>;

export const siecleFichierSchema = z.object({
  uaj: z.string(),
  /** « 2026-2027 » for ANNEE_SCOLAIRE 2026. */
  anneeScolaire: z.string(),
  eleves: z.array(siecleEleveSchema),
  /** Problems of single pupils: they block the import until the file is corrected. */
  erreurs: z.array(z.string()),
});
export type SiecleFichier = z.infer<typeof siecleFichierSchema>;
