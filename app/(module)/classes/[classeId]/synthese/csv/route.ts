// The class synthesis for spreadsheets (lib/pages/synthese-exports.ts).
import { withTeacher } from '@/lib/pipeline';
import { syntheseCsvResponse } from '@/lib/pages/synthese-exports';

export const dynamic = 'force-dynamic';

export const GET = withTeacher<{ classeId: string }>((request, { teacher, params }) =>
  syntheseCsvResponse(teacher, params.classeId, request),
);
