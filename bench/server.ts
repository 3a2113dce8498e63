// Starts the production server for a benchmark (on its own data folder and port) and
// signs a teacher in over HTTP, the way a browser does with next-auth.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_FLAG } from '@/lib/pdf/find-chromium';

export interface BenchServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    DATA_DIR: path.resolve(options.dataDir),
    NEXTAUTH_URL: url,
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    // As `npm start` runs it.
    ['scripts/cli.mjs', 'start', '--no-build'],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('server did not start');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    async stop() {
      // As a process manager would: SIGTERM to the main process only; it passes it on and
      // the server closes its browser and database itself.
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
}

/** next-auth's CSRF token and the cookie it goes with (a sign-in posts both). */
export async function csrfOf(url: string): Promise<{ csrfToken: string; jar: string[] }> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return { csrfToken, jar: cookiesOf(csrf) };
}

/** Signs in through next-auth's Credentials endpoint; returns the Cookie header to send. */
export async function signIn(
  url: string,
  email: string,
  password = 'bilans-demo',
): Promise<string> {
  const { csrfToken, jar } = await csrfOf(url);
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(response).find((c) => c.includes('session-token='));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return [...jar, session].join('; ');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function timeRequests(url: string, cookie: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Each pupil's latest-bilan PDF URL, read from the class page the teacher sees. */
export async function pupilPdfUrls(
  url: string,
  cookie: string,
  classeId: string,
): Promise<string[]> {
  const html = await (
    await fetch(`${url}/bilans?classe=${classeId}`, { headers: { cookie } })
  ).text();
  const pupils = [
    // A pupil's link keeps the class (`?classe=`) since the class is in the URL.
    ...new Set(
      [...html.matchAll(/href="\/bilans\/([0-9a-f-]{36})(?:\?[^"]*)?"/g)].map((m) => m[1]!),
    ),
  ];
  const urls: string[] = [];
  for (const id of pupils) {
    const page = await (await fetch(`${url}/bilans/${id}`, { headers: { cookie } })).text();
    const pdf = /href="(\/bilans\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/pdf)"/.exec(page)?.[1];
    if (pdf) urls.push(url + pdf); // a pupil without a bilan has none
  }
  if (urls.length === 0) throw new Error(`Aucun élève trouvé sur /bilans?classe=${classeId}.`);
  return urls;
}

/** The Next.js server process under `root` (the launcher spawns it): the one whose RSS counts. */
export function nextServerPid(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8');
      if (comm.startsWith('next-server') || /next\/dist\/bin\/next\0start/.test(cmdline))
        return pid;
    } catch {
      // gone
    }
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error('next-server process not found');
}

export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system, all threads) the process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Our PDF Chromium processes (they carry RENDERER_FLAG). */
export function rendererPids(): number[] {
  try {
    return execFileSync('pgrep', ['-f', RENDERER_FLAG.slice(2)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Our Chromium processes and all their children (renderers, GPU and utility processes). */
export function chromiumTree(): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Set(rendererPids());
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Proportional set size of our Chromium processes, in MiB (shared pages counted once). */
export function chromiumPssMiB(): number {
  let kib = 0;
  for (const pid of chromiumTree()) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // process gone
    }
  }
  return kib / 1024;
}
