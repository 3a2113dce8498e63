// The write API's batch: one bilan per NDJSON line, one result per line. See docs/alimentation.md.
import { serveLot } from '@/lib/alimentation/handler';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return serveLot(request);
}
