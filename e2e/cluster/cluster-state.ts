// Where the test cluster listens (loopback only) and what its set-up hands to the tests.
import path from 'node:path';

const nginxPort = 3300;

export const CLUSTER = {
  nginxPort,
  nginxUrl: `http://127.0.0.1:${nginxPort}`,
  /** What the teachers' browsers see (NEXTAUTH_URL of both instances). */
  publicUrl: `http://localhost:${nginxPort}`,
  /** The host names nginx serves (any other Host gets no answer). */
  hostNames: ['localhost', '127.0.0.1'],
  instancePorts: [3301, 3302] as const,
  browserPort: 3399,
  stateFile: path.resolve(import.meta.dirname, '..', '..', '.data', 'cluster-state.json'),
};

export interface ClusterState {
  /** Process groups of the two instances (their launcher and Next.js server). */
  instancePids: number[];
  /** The shared browser server (a test may replace it: its new pid is written here). */
  browserPid: number;
  databaseUrl: string;
  /** nginx's access log (deploy/nginx.conf's format). */
  accessLog: string;
}

/** The shared browser server's command line (node …), from the repository's root. */
export const BROWSER_SERVER_ARGS = [
  'node_modules/playwright-core/cli.js',
  'run-server',
  '--port',
  String(CLUSTER.browserPort),
  '--host',
  '127.0.0.1',
  '--unsafe',
];
