import { ForbiddenPageContent } from '@/lib/ui/forbidden-page-content';
import { loadForbiddenPage } from '@/lib/pages/forbidden';

export default async function Forbidden() {
  return <ForbiddenPageContent page={await loadForbiddenPage()} />;
}
