// The published OpenAPI document and the API agree: its JSON Schemas (read by any client's
// validator, here Ajv) accept and refuse exactly what the API's zod schemas accept and refuse.
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { bilanEnvoyeSchema, ligneLotSchema } from './schema';
import { OPENAPI_EXAMPLE, openApiDocument } from './openapi';

const doc = openApiDocument() as {
  openapi: string;
  components: { schemas: Record<string, object> };
  paths: Record<string, unknown>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const published = ajv.compile(doc.components.schemas.BilanEnvoye!);
const publishedLine = ajv.compile(doc.components.schemas.LigneLot!);

const samples: unknown[] = [
  OPENAPI_EXAMPLE,
  { ...OPENAPI_EXAMPLE, apprenant: { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' } },
  { ...OPENAPI_EXAMPLE, auteur: undefined },
  { ...OPENAPI_EXAMPLE, notes: [] },
  { ...OPENAPI_EXAMPLE, valide: 'oui' },
  { ...OPENAPI_EXAMPLE, apprenant: { ine: '' } },
  { ...OPENAPI_EXAMPLE, apprenant: { ine: 'X', id: 'y' } },
  { ...OPENAPI_EXAMPLE, positionnements: { C01: 'A' } },
  { ...OPENAPI_EXAMPLE, notes: [{ libelle: 'x', valeur: 21, coefficient: 1 }] },
  { ...OPENAPI_EXAMPLE, notes: [{ libelle: 'x', valeur: 10, coefficient: 0 }] },
  { ...OPENAPI_EXAMPLE, date: '30/11/2026' },
  { ...OPENAPI_EXAMPLE, inconnu: 1 },
  { ...OPENAPI_EXAMPLE, constats: 'x'.repeat(20_001) },
  { ...OPENAPI_EXAMPLE, id: 'pas-un-uuid' },
  {
    ...OPENAPI_EXAMPLE,
    valideLe: null,
    url: '/bilans/x',
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  },
  null,
  [],
];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every path of the API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/bilans/{source}', '/lots']);
  });

  it('accepts and refuses what the API accepts and refuses', () => {
    for (const sample of samples) {
      const clean =
        sample && typeof sample === 'object' ? JSON.parse(JSON.stringify(sample)) : sample;
      const api = bilanEnvoyeSchema.safeParse(clean).success;
      expect(published(clean), JSON.stringify(clean)?.slice(0, 120)).toBe(api);
      const withSource =
        clean && typeof clean === 'object' && !Array.isArray(clean)
          ? { ...clean, source: 'a:1' }
          : clean;
      expect(publishedLine(withSource)).toBe(ligneLotSchema.safeParse(withSource).success);
    }
    expect(samples.filter((s) => bilanEnvoyeSchema.safeParse(s).success).length).toBe(5);
  });
});
