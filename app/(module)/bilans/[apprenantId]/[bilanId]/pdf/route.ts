// « Générer en PDF »: one bilan (lib/impression/pdf-route.ts).
import { withTeacher } from '@/lib/pipeline';
import { servePdf } from '@/lib/impression/pdf-route';

export const dynamic = 'force-dynamic';

export const GET = withTeacher<{ apprenantId: string; bilanId: string }>(
  (request, { teacher, params }) =>
    servePdf(teacher, 'bilan', 'bilan', [params.apprenantId, params.bilanId], request),
);
