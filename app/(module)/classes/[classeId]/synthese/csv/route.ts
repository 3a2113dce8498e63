// The class synthesis for spreadsheets (lib/synthese/csv-download.ts).
import { withTeacher } from '@/lib/pipeline';
import { syntheseCsvResponse } from '@/lib/synthese/csv-download';

export const dynamic = 'force-dynamic';

export const GET = withTeacher<{ classeId: string }>((request, { teacher, params }) =>
  syntheseCsvResponse(teacher, params.classeId, request),
);
