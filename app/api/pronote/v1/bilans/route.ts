// PRONOTE export API (v1): authenticated by an establishment's bearer token, not by a
// teacher session. See docs/pronote-export.md.
import { getDb } from '@/lib/db/client';
import { handleExport } from '@/lib/pronote/handler';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return handleExport(await getDb(), request);
}
