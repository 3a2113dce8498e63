// Where the test cluster listens (loopback only) and what its set-up hands to the tests.
import path from 'node:path';

const nginxPort = 3300;

export const CLUSTER = {
  nginxPort,
  nginxUrl: `http://127.0.0.1:${nginxPort}`,
  /** What the teachers' browsers see (NEXTAUTH_URL of both instances). */
  publicUrl: `http://localhost:${nginxPort}`,
  instancePorts: [3301, 3302] as const,
  browserPort: 3399,
  stateFile: path.resolve(import.meta.dirname, '..', '..', '.data', 'cluster-state.json'),
};

export interface ClusterState {
  /** Process groups of the two instances (their launcher and Next.js server). */
  instancePids: number[];
  databaseUrl: string;
}
