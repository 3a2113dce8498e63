// A class document, by its kind (lib/impression/documents/).
import { withTeacher } from '@/lib/pipeline';
import { servePdf } from '@/lib/impression/pdf-route';

export const dynamic = 'force-dynamic';

export const GET = withTeacher<{ classeId: string; document: string }>(
  (request, { teacher, params }) =>
    servePdf(teacher, 'classe', params.document, [params.classeId], request),
);
