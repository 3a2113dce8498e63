// Where a long class document's print stands, as JSON, for its waiting page.
import { withTeacher } from '@/lib/pipeline';
import { servePrintState } from '@/lib/impression/print-wait-route';

export const dynamic = 'force-dynamic';

export const GET = withTeacher<{ classeId: string; document: string }>(
  (request, { teacher, params }) =>
    servePrintState(teacher, params.document, params.classeId, request),
);
