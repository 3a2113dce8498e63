import { createJeton } from '@/lib/administration/http/pronote';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return createJeton(request);
}
