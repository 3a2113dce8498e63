// PRONOTE export API (v1): authenticated by an establishment's bearer token, not by a
// teacher session. See docs/pronote-export.md.
import { serveExport } from '@/lib/pronote/handler';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return serveExport(request);
}
