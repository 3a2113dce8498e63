import { unavailablePage } from '@/lib/http/database-unavailable';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return unavailablePage(new URL(request.url).searchParams.get('retour'));
}
