// What a teachers' CSV says, once read: one line per teacher. Shared by the parser, the
// preview, the apply step and the pending import.
import 'server-only';
import { z } from 'zod';
import { FOURNISSEURS_ENT } from '@/lib/db/enums';

export const enseignantLigneSchema = z.object({
  ligne: z.number().int(),
  nom: z.string(),
  prenom: z.string(),
  courriel: z.string(),
  identifiantEnt: z.string().nullable(),
});
export type EnseignantLigne = z.infer<typeof enseignantLigneSchema>;

export const enseignantsFichierSchema = z.object({
  lignes: z.array(enseignantLigneSchema),
  /** The ENT the `identifiant_ent` column belongs to, chosen on the upload form. */
  fournisseur: z.enum(FOURNISSEURS_ENT),
  erreurs: z.array(z.string()),
});
export type EnseignantsFichier = z.infer<typeof enseignantsFichierSchema>;
