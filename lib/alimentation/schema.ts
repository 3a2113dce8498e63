// What the write API accepts, declared once: these zod schemas validate every request, and
// the OpenAPI document (openapi.ts) is generated from them — there is no other copy.
import { z } from 'zod';
import { formatDateTimeFr } from '@/lib/common/dates';
import { NIVEAUX } from '@/lib/db/enums';

/** The sender's stable id of a bilan, unique per establishment. */
export const SOURCE_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const sourceSchema = z.string().regex(SOURCE_PATTERN).meta({
  description:
    'Identifiant stable du bilan chez l’expéditeur (1 à 128 caractères A-Z a-z 0-9 . _ : -), unique par établissement.',
});

/** A bilan nests three deep (`notes[i]`): anything past this is no bilan, refused unparsed. */
export const MAX_JSON_DEPTH = 8;

/** Competences of a referential at most (SN has 21): more keys are refused by the schema. */
const MAX_POSITIONNEMENTS = 64;

/** The 409 of a validated bilan: its archive never changes. */
export const VALIDATED_MESSAGE = 'Ce bilan est validé : il ne peut plus être modifié.';

/** A write over a version the writer did not read (a teacher's, in the module): refused. */
export function modifiedMessage(m: {
  version: number;
  par: string | null;
  le: Date | null;
}): string {
  if (m.version === 0) return 'Ce brouillon a été retiré entre-temps : rien n’a été écrit.';
  const who = m.par ? ` dans le module par ${m.par}` : '';
  const when = m.le ? ` le ${formatDateTimeFr(m.le)}` : '';
  return `Ce brouillon a été modifié${who}${when} (version ${m.version}) : rien n’a été écrit. Relisez-le (GET), puis renvoyez-le avec l’en-tête If-Match: "${m.version}" pour le remplacer.`;
}

const note = z
  .object({
    libelle: z.string().min(1).max(200),
    valeur: z.number().min(0).max(20),
    coefficient: z.number().gt(0).max(99),
  })
  .strict();

export const bilanEnvoyeSchema = z
  .object({
    apprenant: z
      .union([
        z.object({ ine: z.string().min(1).max(20) }).strict(),
        z.object({ id: z.uuid() }).strict(),
      ])
      .meta({ description: 'L’apprenant, par son INE ou par son identifiant CPRO.' }),
    referentiel: z
      .object({ code: z.string().min(1).max(64), version: z.string().min(1).max(32) })
      .strict()
      .meta({
        description: 'Le référentiel du bilan, par son code et sa version (BAC-PRO-CIEL, 2023).',
      }),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .meta({ description: 'Date du bilan, AAAA-MM-JJ.' }),
    auteur: z
      .string()
      .max(254)
      .optional()
      .meta({ description: 'Courriel d’un compte enseignant de l’établissement.' }),
    constats: z.string().max(20000),
    conseils: z.string().max(20000),
    positionnements: z
      .record(z.string().min(1).max(16), z.enum(NIVEAUX))
      .refine((p) => Object.keys(p).length <= MAX_POSITIONNEMENTS, {
        message: `${MAX_POSITIONNEMENTS} compétences au plus.`,
      })
      .meta({
        description: 'Chaque compétence du référentiel, par son code : NE, -, -+, + ou ++.',
      }),
    notes: z.array(note).max(50),
    valide: z.boolean().meta({ description: 'true : le bilan est validé (définitif).' }),
    // What GET adds, accepted and ignored on the way back (a GET answer can be sent again).
    id: z.uuid().optional().meta({ description: 'Lecture seule (ignoré en écriture).' }),
    url: z.string().optional().meta({ description: 'Lecture seule (ignoré en écriture).' }),
    valideLe: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Lecture seule (ignoré en écriture).' }),
    version: z.number().int().optional().meta({
      description:
        'Lecture seule : la version de la source (aussi l’en-tête ETag), à renvoyer dans If-Match pour remplacer un brouillon modifié dans le module.',
    }),
  })
  .strict();
export type BilanEnvoye = z.infer<typeof bilanEnvoyeSchema>;

/** One line of a batch (`POST /lots`): the bilan and its source. */
export const ligneLotSchema = bilanEnvoyeSchema.extend({ source: sourceSchema });

export const erreurSchema = z.object({ champ: z.string(), message: z.string() });
export type ErreurChamp = z.infer<typeof erreurSchema>;

export const reponseEcritureSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  valide: z.boolean(),
  version: z
    .number()
    .int()
    .meta({ description: 'La version de la source (aussi l’en-tête ETag).' }),
});
export const reponseErreursSchema = z.object({ erreurs: z.array(erreurSchema) });
export const reponseMessageSchema = z.object({ erreur: z.string(), message: z.string() });
export const resultatLigneSchema = z.object({
  ligne: z.number().int(),
  source: z.string().nullable(),
  statut: z.enum(['cree', 'remplace', 'valide', 'inchange', 'refuse', 'conflit']),
  id: z.uuid().optional(),
  erreurs: z.array(erreurSchema).optional(),
});
