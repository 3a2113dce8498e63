// PRONOTE's export of the validated bilans of the periods not yet closed (lib/pronote/handler.ts).
import { withApiToken } from '@/lib/pipeline';
import { exportRoute } from '@/lib/pronote/handler';

export const dynamic = 'force-dynamic';

export const GET = withApiToken('pronote', exportRoute());
