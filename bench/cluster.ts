// Bilan pages through nginx with one instance, then with two, on the same machine
// (e2e/cluster/cluster-setup.ts: PostgreSQL, shared browser, Debian's nginx with
// deploy/nginx.conf). autocannon at 10 and 50 connections, 10 s each, signed in as the demo
// teacher. On a 2-core machine both instances share the same two cores: this shows what the
// load balancer and a second process cost or buy here, not what a second machine would.
//
//   npm run build && npx tsx --conditions=react-server bench/cluster.ts
import autocannon from 'autocannon';
import { startCluster } from '../e2e/cluster/cluster-setup';
import { CLUSTER } from '../e2e/cluster/cluster-state';
import { DEMO_ACCOUNTS, DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { signIn } from './server';

const BILAN = `/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}`;

async function measure(cookie: string, connections: number) {
  const result = await autocannon({
    url: `${CLUSTER.nginxUrl}${BILAN}`,
    connections,
    duration: 10,
    headers: { cookie },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const lines: string[] = [];
for (const instances of [1, 2] as const) {
  const stop = await startCluster({ instances });
  try {
    const cookie = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
    await measure(cookie, 10); // warm-up
    for (const connections of [10, 50]) {
      const m = await measure(cookie, connections);
      lines.push(
        `${instances} instance(s), ${connections} connections: ${m.rps.toFixed(1)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}`,
      );
      console.log(lines.at(-1));
    }
  } finally {
    await stop();
  }
}
console.log(`\n${lines.join('\n')}`);
