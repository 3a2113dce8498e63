// The printed documents: one folder per document, its descriptor (document.ts says what a
// descriptor is) beside its print component — `<kind>/` here, or a feature's `document/`
// (lib/synthese/document/, lib/preparation-pronote/document/: the page, its query and its
// paper together). Adding one: write its `descriptor.tsx` and its `print.tsx`, and list it
// here — its print page, its PDF route (class documents: /classes/<id>/<kind>/pdf), its
// button beside the class selector (its descriptor's `button`), its cache, queue lane,
// traces and its name in logs and metrics follow.
import 'server-only';
import type { RegisteredDocument } from '../document';
import type { ClassDocumentButton } from '@/lib/ui/bilans/class-documents';
import { bilanDocument } from './bilan/descriptor';
import { conseilDocument } from './conseil/descriptor';
import { derniersBilansDocument } from './derniers-bilans/descriptor';
import { preparationPronoteDocument } from '@/lib/preparation-pronote/document/descriptor';
import { syntheseDocument } from '@/lib/synthese/document/descriptor';

export const DOCUMENTS: readonly RegisteredDocument[] = [
  bilanDocument,
  derniersBilansDocument,
  syntheseDocument,
  conseilDocument,
  preparationPronoteDocument,
];

/** The class documents' buttons beside the class selector, from their descriptors. */
export function classDocumentButtons(): ClassDocumentButton[] {
  return DOCUMENTS.filter((d) => d.scope === 'classe' && d.button).map((d) => ({
    kind: d.kind,
    labels: d.button!,
    long: d.long,
  }));
}

/** The document of this kind, or null (→ 404). */
export function findDocument(kind: string): RegisteredDocument | null {
  return DOCUMENTS.find((d) => d.kind === kind) ?? null;
}
