// Starts the real cluster that e2e/cluster/cluster.spec.ts exercises: a fresh PostgreSQL
// database with the demo, one shared browser (`playwright run-server`), two production
// instances of the module on that database and that browser, and Debian's nginx in front of
// them with deploy/nginx.conf (only its addresses replaced), and the test ENT (an OpenID
// provider and a CAS server). Everything listens on loopback and is stopped by the returned
// teardown.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { connectPostgres } from '../../lib/db/connect';
import { createScratchDatabase } from '../../lib/db/testing';
import { migrateAndSeedDemo } from '../../lib/server/demo-database';
import { BROWSER_SERVER_ARGS, CLUSTER, type ClusterState } from './cluster-state';
import { TEST_ENT_ENV, startTestEnt } from '../ent/test-ent';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const adminUrl =
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

function waitFor(check: () => Promise<boolean>, what: string, log: () => string, ms = 120_000) {
  const deadline = Date.now() + ms;
  return (async () => {
    while (Date.now() < deadline) {
      if (await check().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${what} n'a pas démarré\n${log()}`);
  })();
}

function findNginx(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error("nginx introuvable : `apt-get install nginx` (.ci/run l'installe).");
}

function readState(): ClusterState | null {
  try {
    return JSON.parse(fs.readFileSync(CLUSTER.stateFile, 'utf8')) as ClusterState;
  } catch {
    return null;
  }
}

/** The cluster, with the test ENT (OpenID provider and CAS server) both instances use. */
export default async function setup(): Promise<() => Promise<void>> {
  // The variant of the provider that puts the e-mail in the ID token (the e2e suite runs
  // it with its defaults: e-mail from UserInfo).
  const stopEnt = await startTestEnt(CLUSTER.publicUrl, { oidcClaimsInIdToken: true });
  const stopCluster = await startCluster({ instances: 2, env: TEST_ENT_ENV });
  return async () => {
    await stopCluster();
    await stopEnt();
  };
}

/**
 * The cluster with `instances` instances (1 or 2) behind nginx; also used by
 * bench/cluster.ts to compare one and two instances.
 */
export async function startCluster(options: {
  instances: 1 | 2;
  env?: Record<string, string>;
}): Promise<() => Promise<void>> {
  const nginx = findNginx();
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const work = fs.mkdtempSync(path.join(ROOT, '.data', 'cluster-'));
  const children: ChildProcess[] = [];
  const logs = new Map<string, string>();
  const track = (name: string, child: ChildProcess) => {
    logs.set(name, '');
    const append = (chunk: Buffer) => logs.set(name, (logs.get(name) ?? '') + chunk.toString());
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    children.push(child);
    return child;
  };
  const allLogs = () =>
    [...logs].map(([name, log]) => `--- ${name}\n${log.slice(-3000)}`).join('\n');

  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  const accessLog = path.join(work, 'access.log');
  const teardown = async (state: ClusterState | null) => {
    // A browser a test started again in place of the first one (cluster.spec.ts).
    const last = readState();
    if (last && state && last.browserPid !== state.browserPid) {
      try {
        process.kill(last.browserPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The instances are process groups (the launcher and its Next.js server).
      try {
        if (child.spawnargs.includes('scripts/cli.mjs')) process.kill(-child.pid!, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await scratch?.drop();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(CLUSTER.stateFile, { force: true });
  };

  // Whatever fails while starting, nothing is left running.
  let state: ClusterState;
  try {
    // 1. A fresh database with the demo.
    scratch = await createScratchDatabase(adminUrl, 'cpro_cluster');
    const databaseUrl = new URL(scratch.url);
    const owner = connectPostgres(scratch.url, { statementTimeoutMs: 0 });
    await migrateAndSeedDemo(owner);
    await owner.close();

    // 2. The shared browser.
    track(
      'browser',
      spawn(process.execPath, BROWSER_SERVER_ARGS, {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let wsEndpoint = '';
    await waitFor(
      async () => {
        const match = /Listening on (ws:\/\/\S+)/.exec(logs.get('browser') ?? '');
        if (match?.[1]) wsEndpoint = match[1];
        return wsEndpoint !== '';
      },
      'playwright run-server',
      allLogs,
    );

    // 3. Two instances on that database and that browser.
    const secret = crypto.randomBytes(32).toString('base64url');
    const ports = CLUSTER.instancePorts.slice(0, options.instances);
    for (const [index, port] of ports.entries()) {
      const name = `app${index + 1}`;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl.toString(),
        DATA_DIR: path.join(work, name),
        NEXTAUTH_URL: CLUSTER.publicUrl,
        NEXTAUTH_SECRET: secret,
        TRUSTED_PROXIES: '127.0.0.1,::1',
        PLAYWRIGHT_WS_ENDPOINT: wsEndpoint,
        PLAYWRIGHT_WS_CHROMIUM_PATH: chromium,
        PDF_PRINT_ORIGIN: `http://127.0.0.1:${port}`,
        CPRO_INSTANCE: name,
        SIGNIN_LOCK_SECONDS: '60',
        ...options.env,
      };
      track(
        name,
        spawn(process.execPath, ['scripts/cli.mjs', 'start', '--no-build'], {
          cwd: ROOT,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        }),
      );
    }
    for (const port of ports) {
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok,
        `l'instance du port ${port}`,
        allLogs,
      );
    }

    // 4. nginx with deploy/nginx.conf, its addresses replaced by the test's.
    const config = fs
      .readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
      .replace('server app1:3000', `server 127.0.0.1:${CLUSTER.instancePorts[0]}`)
      .replace(
        options.instances === 2 ? 'server app2:3000' : /\n\s*server app2:3000[^\n]*/,
        options.instances === 2 ? `server 127.0.0.1:${CLUSTER.instancePorts[1]}` : '',
      )
      .replaceAll('listen 80', `listen 127.0.0.1:${CLUSTER.nginxPort}`)
      .replace('server_name bilans.example.fr;', `server_name ${CLUSTER.hostNames.join(' ')};`)
      .replace('pid /tmp/cpro-nginx.pid;', `pid ${path.join(work, 'nginx.pid')};`)
      .replace('access_log /dev/stdout cpro;', `access_log ${accessLog} cpro;`);
    for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
      fs.mkdirSync(path.join(work, 'nginx', name), { recursive: true });
    }
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((name) => `  ${name}_temp_path ${path.join(work, 'nginx', name)};`)
      .join('\n');
    const configFile = path.join(work, 'nginx.conf');
    fs.writeFileSync(configFile, config.replace('http {', `http {\n${temps}`));
    const check = spawnSync(nginx, ['-t', '-c', configFile, '-p', work], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t :\n${check.stderr}`);
    track(
      'nginx',
      spawn(nginx, ['-c', configFile, '-p', work, '-g', 'daemon off;'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    await waitFor(async () => (await fetch(`${CLUSTER.nginxUrl}/login`)).ok, 'nginx', allLogs);

    state = {
      instancePids: children.slice(1, 1 + options.instances).map((c) => c.pid!),
      browserPid: children[0]!.pid!,
      accessLog,
      databaseUrl: databaseUrl.toString(),
    };
    fs.writeFileSync(CLUSTER.stateFile, JSON.stringify(state));
  } catch (error) {
    await teardown(null);
    throw error;
  }
  return () => teardown(state);
}
