import { addPeriode } from '@/lib/administration/http/periodes';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return addPeriode(request);
}
