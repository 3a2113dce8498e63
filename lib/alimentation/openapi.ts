// The write API's OpenAPI 3.1 document, generated from the zod schemas that validate its
// requests (schema.ts): there is no other copy to keep in step (openapi.test.ts checks that
// the published JSON Schemas accept and refuse what the API accepts and refuses).
import { z } from 'zod';
import { BODY_LIMITS, bodyTooLargeMessage } from '@/lib/http/body-limits';
import {
  bilanEnvoyeSchema,
  ligneLotSchema,
  reponseErreursSchema,
  reponseEcritureSchema,
  reponseMessageSchema,
  resultatLigneSchema,
  sourceSchema,
  VALIDATED_MESSAGE,
} from './schema';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
  }) as Record<string, unknown>;
  void _drop;
  return rest;
}

export const OPENAPI_SCHEMAS = {
  BilanEnvoye: bilanEnvoyeSchema,
  LigneLot: ligneLotSchema,
  ReponseEcriture: reponseEcritureSchema,
  ReponseErreurs: reponseErreursSchema,
  ReponseMessage: reponseMessageSchema,
  ResultatLigne: resultatLigneSchema,
} as const;

const ref = (name: keyof typeof OPENAPI_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: keyof typeof OPENAPI_SCHEMAS) => ({
  'application/json': { schema: ref(name) },
});
const message = (description: string) => ({ description, content: jsonContent('ReponseMessage') });

const EXAMPLE = {
  apprenant: { ine: '123456789AB' },
  referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
  date: '2026-11-30',
  auteur: 'prof@lycee.example',
  constats: 'Bonne implication en atelier.',
  conseils: 'Soigner la documentation.',
  positionnements: {
    C01: '+',
    C03: 'NE',
    C04: '-+',
    C06: '+',
    C07: '++',
    C08: '+',
    C09: '-',
    C10: '+',
    C11: '-+',
  },
  notes: [{ libelle: 'Évaluation pratique', valeur: 14.5, coefficient: 2 }],
  valide: false,
};

export function openApiDocument(): Record<string, unknown> {
  const source = {
    name: 'source',
    in: 'path',
    required: true,
    schema: jsonSchema(sourceSchema),
  };
  const unauthorized = message('Jeton absent, inconnu ou révoqué.');
  return {
    openapi: '3.1.0',
    info: {
      title: 'CPRO — API d’alimentation des bilans',
      version: '1',
      description:
        'Écriture des bilans intermédiaires de compétences par le tableau de bord des apprenants (ou tout outil de l’établissement). Voir docs/alimentation.md.',
    },
    servers: [{ url: '/api/alimentation/v1' }],
    security: [{ jeton: [] }],
    components: {
      securitySchemes: {
        jeton: {
          type: 'http',
          scheme: 'bearer',
          description: 'Jeton d’alimentation de l’établissement (npm run alimentation:token).',
        },
      },
      schemas: Object.fromEntries(
        Object.entries(OPENAPI_SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema)]),
      ),
    },
    paths: {
      '/bilans/{source}': {
        parameters: [source],
        put: {
          summary: 'Écrire un bilan (création, remplacement d’un brouillon, validation)',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('BilanEnvoye'), example: EXAMPLE } },
          },
          responses: {
            '201': {
              description: 'Créé ; Location : la page du bilan.',
              headers: { Location: { schema: { type: 'string' } } },
              content: jsonContent('ReponseEcriture'),
            },
            '200': {
              description: 'Brouillon remplacé, validé, ou corps identique renvoyé (rien d’écrit).',
              content: jsonContent('ReponseEcriture'),
            },
            '400': message('Corps JSON illisible.'),
            '401': unauthorized,
            '409': message(VALIDATED_MESSAGE),
            '413': message(bodyTooLargeMessage(BODY_LIMITS.bilan)),
            '415': message('Le corps n’est pas du JSON.'),
            '422': {
              description: 'Chaque problème nommé ; rien n’est écrit.',
              content: jsonContent('ReponseErreurs'),
            },
          },
        },
        get: {
          summary: 'Relire un bilan écrit (rapprochement)',
          responses: {
            '200': {
              description: 'Le bilan, dans la forme de l’écriture.',
              content: jsonContent('BilanEnvoye'),
            },
            '401': unauthorized,
            '404': message('Aucun bilan sous cette source.'),
          },
        },
        delete: {
          summary: 'Retirer un brouillon',
          responses: {
            '204': { description: 'Brouillon retiré.' },
            '401': unauthorized,
            '404': message('Aucun bilan sous cette source.'),
            '409': message(VALIDATED_MESSAGE),
          },
        },
      },
      '/lots': {
        post: {
          summary: 'Envoyer un lot (historique d’un établissement)',
          description:
            'Un objet LigneLot par ligne (NDJSON), 10 000 lignes et 20 Mo au plus ; chaque ligne est écrite seule. La réponse donne un ResultatLigne par ligne, dans l’ordre, au fil de l’eau.',
          requestBody: {
            required: true,
            content: { 'application/x-ndjson': { schema: ref('LigneLot') } },
          },
          responses: {
            '200': {
              description: 'Un résultat par ligne (NDJSON).',
              content: { 'application/x-ndjson': { schema: ref('ResultatLigne') } },
            },
            '401': unauthorized,
            '413': message(`Plus de 10 000 lignes, ou : ${bodyTooLargeMessage(BODY_LIMITS.lot)}`),
            '415': message('Le corps n’est pas du NDJSON.'),
          },
        },
      },
    },
  };
}

export const OPENAPI_EXAMPLE = EXAMPLE;
