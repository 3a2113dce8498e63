// The write API's bilan by its source: PUT, GET, DELETE (lib/alimentation/handler.ts).
import { withApiToken } from '@/lib/pipeline';
import { bilanRoute } from '@/lib/alimentation/handler';

export const dynamic = 'force-dynamic';

export const PUT = withApiToken('alimentation', bilanRoute);
export const GET = PUT;
export const DELETE = PUT;
