// The class grid's row save (lib/saisie-classe/ligne.ts).
import { withTeacher } from '@/lib/pipeline';
import { saveLigne } from '@/lib/saisie-classe/ligne';

export const dynamic = 'force-dynamic';

export const POST = withTeacher<{ classeId: string }>(saveLigne);
