import { createToken } from '@/lib/administration/http/jetons';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return createToken(request, 'alimentation');
}
