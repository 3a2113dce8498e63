// Runs a trace record once the answer has been sent (Next's `after`): the teacher does not
// wait for it, and a failed record is logged rather than shown.
import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';

export function traceAfterResponse(record: (db: Database) => Promise<unknown>): void {
  after(async () => {
    try {
      await record(await getDb());
    } catch (error) {
      console.error('[trace] accès non enregistré :', error);
    }
  });
}
