// The server's one queue of bilan page views (trace-queue.ts), on the app's database. Kept
// on globalThis like the connection (lib/db/client.ts): Next.js bundles pages and the
// start-up code separately, and the stop signal must flush the queue the pages fill.
import 'server-only';
import { getDb } from '@/lib/db/client';
import { TraceQueue } from './trace-queue';

const globalForTraces = globalThis as typeof globalThis & { cproConsultations?: TraceQueue };

export function consultations(): TraceQueue {
  globalForTraces.cproConsultations ??= new TraceQueue(getDb);
  return globalForTraces.cproConsultations;
}
