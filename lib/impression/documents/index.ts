// The printed documents: one descriptor per file (document.ts says what a descriptor is).
// Adding one: write its descriptor and its print component (lib/ui/impression/), and list
// it here — its print page, its PDF route (class documents: /classes/<id>/<kind>/pdf), its
// cache, queue lane and traces follow.
import 'server-only';
import type { RegisteredDocument } from '../document';
import { bilanDocument } from './bilan';
import { conseilDocument } from './conseil';
import { derniersBilansDocument } from './derniers-bilans';
import { preparationPronoteDocument } from './pronote';
import { syntheseDocument } from './synthese';

export const DOCUMENTS: readonly RegisteredDocument[] = [
  bilanDocument,
  derniersBilansDocument,
  syntheseDocument,
  conseilDocument,
  preparationPronoteDocument,
];

/** The document of this kind, or null (→ 404). */
export function findDocument(kind: string): RegisteredDocument | null {
  return DOCUMENTS.find((d) => d.kind === kind) ?? null;
}
