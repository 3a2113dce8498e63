// Data of /api/health (load balancers, monitoring): whether the database answers.
import 'server-only';
import { databaseAnswers } from '@/lib/db/health';

export interface Health {
  ok: boolean;
  body: { status: 'ok' } | { status: 'indisponible'; database: 'injoignable' };
}

export async function loadHealth(): Promise<Health> {
  const ok = await databaseAnswers();
  return {
    ok,
    body: ok ? { status: 'ok' } : { status: 'indisponible', database: 'injoignable' },
  };
}
