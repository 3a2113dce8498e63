// Data of /api/health, the readiness check (load balancers, compose, monitoring): the
// database answers, its schema is the one this code expects, and a browser to print with is
// at hand (its executable, or a remote one). Any of them missing: 503, saying which.
// Liveness (the process answers) is /api/health/live.
import 'server-only';
import { databaseAnswers } from '@/lib/db/health';
import { getDb } from '@/lib/db/client';
import { SchemaUnreadableError, schemaStatus, type SchemaState } from '@/lib/db/schema-version';
import { findChromium } from '@/lib/pdf/find-chromium';
import { appConfig } from '@/lib/config/env';

export interface Health {
  ok: boolean;
  body: {
    status: 'ok' | 'indisponible';
    database: 'ok' | 'injoignable';
    /** `illisible`: this connection may not read the applied migrations (npm run db:roles). */
    schema: SchemaState | 'inconnu' | 'illisible';
    navigateur: 'ok' | 'introuvable';
  };
}

export async function loadHealth(): Promise<Health> {
  const database = await databaseAnswers();
  let schema: Health['body']['schema'] = 'inconnu';
  if (database) {
    schema = await getDb()
      .then((db) => schemaStatus(db))
      .then((s) => s.state)
      .catch((error: unknown) =>
        error instanceof SchemaUnreadableError ? ('illisible' as const) : ('inconnu' as const),
      );
  }
  const browser = appConfig().pdf.wsEndpoint || findChromium() ? 'ok' : 'introuvable';
  const ok = database && schema === 'a-jour' && browser === 'ok';
  return {
    ok,
    body: {
      status: ok ? 'ok' : 'indisponible',
      database: database ? 'ok' : 'injoignable',
      schema,
      navigateur: browser,
    },
  };
}
