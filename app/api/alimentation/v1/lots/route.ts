// The write API's batches (lib/alimentation/handler.ts).
import { withApiToken } from '@/lib/pipeline';
import { lotRoute } from '@/lib/alimentation/handler';

export const dynamic = 'force-dynamic';

export const POST = withApiToken('alimentation', lotRoute);
