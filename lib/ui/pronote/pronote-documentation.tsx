// The link to PRONOTE's documentation (lib/common/pronote-documentation.ts), said the same way
// on « Préparation PRONOTE » and on the PRONOTE connector's page.
import { PRONOTE_DOCUMENTATION_URL } from '@/lib/common/pronote-documentation';

export function PronoteDocumentationLink() {
  return (
    <a href={PRONOTE_DOCUMENTATION_URL} rel="noopener" className="text-blue-800 underline">
      Documentation de PRONOTE (site d&apos;Index Éducation)
    </a>
  );
}
