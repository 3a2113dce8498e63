// The module's metrics (prom-client), one registry for the whole process: our HTTP server
// (lib/server/main.ts, compiled apart) and the code Next.js bundles are two copies of this
// module, so the registry and its metrics live on globalThis, made once by whichever copy
// comes first. What each metric means, and the alerts worth setting: docs/exploitation.md.
import client from 'prom-client';

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'cpro_' });
  const r = [registry];
  return {
    registry,
    requests: new client.Counter({
      name: 'cpro_http_requests_total',
      help: 'Requêtes HTTP par route (motif, sans identifiant), méthode et statut.',
      labelNames: ['route', 'method', 'status'] as const,
      registers: r,
    }),
    duration: new client.Histogram({
      name: 'cpro_http_request_duration_seconds',
      help: 'Durée des réponses HTTP par nature (page, pdf, api, autre).',
      labelNames: ['kind'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: r,
    }),
    pdf: new client.Histogram({
      name: 'cpro_pdf_duration_seconds',
      help: 'Durée de production d’un PDF par document (attente dans la file comprise).',
      labelNames: ['document', 'cache'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 45],
      registers: r,
    }),
    pdfRefused: new client.Counter({
      name: 'cpro_print_queue_refused_total',
      help: 'Impressions refusées (file pleine, attente trop longue, limite par enseignant).',
      labelNames: ['reason'] as const,
      registers: r,
    }),
    chromiumRestarts: new client.Counter({
      name: 'cpro_chromium_restarts_total',
      help: 'Redémarrages du navigateur d’impression (mort, recyclé).',
      registers: r,
    }),
    signIns: new client.Counter({
      name: 'cpro_signins_total',
      help: 'Connexions par issue (succes, echec, verrouille, refuse) et par moyen.',
      labelNames: ['outcome', 'way'] as const,
      registers: r,
    }),
    cache: new client.Counter({
      name: 'cpro_pdf_cache_total',
      help: 'Lectures du cache des PDF : trouvés (hit) ou non (miss).',
      labelNames: ['result'] as const,
      registers: r,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const KEY = Symbol.for('cpro.metrics');

export function metrics(): Metrics {
  const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** A gauge whose value is read when Prometheus scrapes (queue lengths, pool, memory). */
export function sampledGauge(
  name: string,
  help: string,
  labelNames: string[],
  read: () => Array<{ labels?: Record<string, string>; value: number }>,
): void {
  const m = metrics();
  if (m.registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [m.registry],
    collect() {
      this.reset();
      for (const { labels, value } of read()) {
        if (labels) this.set(labels, value);
        else this.set(value);
      }
    },
  });
}
