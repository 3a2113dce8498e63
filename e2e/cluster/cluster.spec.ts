// The module on several servers (e2e/cluster/cluster-setup.ts: two instances, one
// PostgreSQL, one shared browser, nginx with deploy/nginx.conf): both instances serve the
// teachers through nginx, a PDF printed by one is served by the other without a browser, a sign-out on one
// is honoured by the other, the sign-in lock counts attempts made on both, and with one
// instance killed nginx keeps pages and PDFs coming with no error.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from '../../drizzle/seed/demo-ids';
import { BROWSER_SERVER_ARGS, CLUSTER, type ClusterState } from './cluster-state';

const [PORT_1, PORT_2] = CLUSTER.instancePorts;
const direct = (port: number) => `http://127.0.0.1:${port}`;
const BILAN = `/bilans/${DEMO_IDS.angie}/${DEMO_IDS.angieDernierBilan}`;

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs in through `base` as next-auth's client does; returns the Cookie header. */
async function signIn(
  base: string,
  email: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...headers,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: jar.join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(response).find((c) => c.includes('session-token='));
  return { status: response.status, cookie: session ? [...jar, session].join('; ') : null };
}

async function get(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  return response;
}

test('both instances serve the teachers through nginx', async () => {
  const { cookie } = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
  expect(cookie).not.toBeNull();
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const response = await get(`${CLUSTER.nginxUrl}${BILAN}`, cookie!);
    expect(response.status).toBe(200);
    seen.add(response.headers.get('x-instance') ?? '?');
  }
  expect([...seen].sort()).toEqual(['app1', 'app2']);
});

/** The shared browser goes away (every print is then refused). */
async function stopBrowser(state: ClusterState) {
  process.kill(state.browserPid, 'SIGKILL');
  await expect
    .poll(() =>
      fetch(`http://127.0.0.1:${CLUSTER.browserPort}/`).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');
}

/** The shared browser comes back (its pid written for the teardown). */
function startBrowser(state: ClusterState): ClusterState {
  const browser = spawn(process.execPath, BROWSER_SERVER_ARGS, {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    stdio: 'ignore',
    detached: true,
  });
  browser.unref();
  const next = { ...state, browserPid: browser.pid! };
  fs.writeFileSync(CLUSTER.stateFile, JSON.stringify(next));
  return next;
}

const readState = () => JSON.parse(fs.readFileSync(CLUSTER.stateFile, 'utf8')) as ClusterState;

test('a PDF printed through one instance is a cache hit on the other', async () => {
  const { cookie } = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
  const pdf = `/bilans/${DEMO_IDS.zoe}`;
  // Zoé's only bilan: read its PDF link from her page on instance 1.
  const page = await fetch(`${direct(PORT_1)}${pdf}`, { headers: { cookie: cookie! } });
  const href = /href="(\/bilans\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/pdf)"/.exec(await page.text())?.[1];
  expect(href).toBeDefined();
  const first = await get(`${direct(PORT_1)}${href}`, cookie!);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toBe('application/pdf');
  // Without any browser, instance 2 can only serve it from the cache they share.
  const state = readState();
  await stopBrowser(state);
  try {
    const second = await get(`${direct(PORT_2)}${href}`, cookie!);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-instance')).toBe('app2');
    expect(second.headers.get('content-type')).toBe('application/pdf');
    // A PDF nobody printed yet is refused there: the browser is really gone.
    const unprinted = await get(
      `${direct(PORT_2)}/classes/${DEMO_IDS.classe}/synthese/pdf?au=2016-05-31`,
      cookie!,
    );
    expect(unprinted.status).toBe(503);
  } finally {
    startBrowser(state);
  }
});

test('a sign-out on one instance is honoured by the other', async () => {
  const { cookie } = await signIn(direct(PORT_1), DEMO_ACCOUNTS.enseignant);
  expect((await get(`${direct(PORT_2)}${BILAN}`, cookie!)).status).toBe(200);
  const csrf = (await (
    await fetch(`${direct(PORT_1)}/api/auth/csrf`, { headers: { cookie: cookie! } })
  ).json()) as { csrfToken: string };
  const out = await fetch(`${direct(PORT_1)}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie! },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: 'true' }),
  });
  expect(out.status).toBeLessThan(400);
  const after = await get(`${direct(PORT_2)}${BILAN}`, cookie!);
  expect(after.status).toBe(307);
  expect(after.headers.get('location')).toContain('/login');
});

test('the sign-in lock counts the attempts made on both instances', async () => {
  const email = `cluster-${Date.now()}@lycee-demo.test`;
  // Each guess from its own address (the instances trust loopback as their proxy): what
  // locks is the account, counted across both instances.
  const from = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i + 1}` });
  for (let i = 0; i < 10; i++) {
    const attempt = await signIn(direct(i % 2 ? PORT_2 : PORT_1), email, 'faux', from(i));
    expect(attempt.status).toBe(401);
  }
  for (const [n, port] of [PORT_1, PORT_2].entries()) {
    expect((await signIn(direct(port), email, 'faux', from(20 + n))).status).toBe(429);
  }
});

test('PDFs refused by every instance are answers: nginx keeps both instances, pages answer 200', async () => {
  const state = readState();
  const { cookie } = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
  // The shared browser goes away: every instance refuses PDFs with its French 503.
  await stopBrowser(state);
  // Each PDF is a new one (its own date): never a cache hit, always the printer.
  const refusedBy = new Set<string>();
  for (let day = 1; day <= 6; day++) {
    const pdf = await get(
      `${CLUSTER.nginxUrl}/classes/${DEMO_IDS.classe}/synthese/pdf?au=2016-06-0${day}`,
      cookie!,
    );
    expect(pdf.status).toBe(503);
    expect(pdf.headers.get('retry-after')).toBeTruthy();
    refusedBy.add(pdf.headers.get('x-instance') ?? '?');
  }
  expect([...refusedBy].sort()).toEqual(['app1', 'app2']);
  // Refusals took no instance out: every page answers, from both instances.
  const servedBy = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const page = await get(`${CLUSTER.nginxUrl}${BILAN}`, cookie!);
    expect(page.status).toBe(200);
    servedBy.add(page.headers.get('x-instance') ?? '?');
  }
  expect([...servedBy].sort()).toEqual(['app1', 'app2']);
  // The browser comes back: PDFs print again.
  startBrowser(state);
  await expect
    .poll(
      async () =>
        (
          await get(
            `${CLUSTER.nginxUrl}/classes/${DEMO_IDS.classe}/synthese/pdf?au=2016-06-10`,
            cookie!,
          )
        ).status,
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(200);
});

test("nginx's access log names no id and no query string", async () => {
  const state = readState();
  const { cookie } = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
  await get(`${CLUSTER.nginxUrl}${BILAN}?classe=${DEMO_IDS.classe}`, cookie!);
  await expect.poll(() => fs.readFileSync(state.accessLog, 'utf8')).toContain('/bilans/:id/:id');
  const log = fs.readFileSync(state.accessLog, 'utf8');
  expect(log).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  expect(log).not.toContain('?');
  expect(log).not.toContain('lycee-demo.test');
});

test('a long print waited for through nginx is printed by one instance, its progress read on both', async () => {
  test.setTimeout(180_000);
  const { cookie } = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
  // The council pack of the demo class in recto verso: printed by no other test here.
  const base = `${CLUSTER.nginxUrl}/classes/${DEMO_IDS.classe}/conseil/impression`;
  expect((await get(`${base}?recto-verso=1`, cookie!)).status).toBe(200);
  // The tab's questions, as its script asks them, through nginx to one instance or the other.
  const answers: { instance: string; etat: string; faits?: number; total?: number | null }[] = [];
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/etat?recto-verso=1`, {
      headers: { cookie: cookie!, accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    const state = (await response.json()) as {
      etat: string;
      faits?: number;
      total?: number | null;
    };
    answers.push({ instance: response.headers.get('x-instance') ?? '?', ...state });
    if (state.etat !== 'en-cours') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(answers.at(-1)?.etat).toBe('pret');
  const under = answers.filter((a) => a.etat === 'en-cours');
  expect(new Set(under.map((a) => a.instance))).toEqual(new Set(['app1', 'app2']));
  // One print: whichever instance answers, the pupils printed never go back (a second print
  // started on the other instance would count from 0 again), the total never changes.
  const counted = under.filter((a) => typeof a.total === 'number');
  expect(counted.length).toBeGreaterThan(0);
  counted.forEach((a, i) => {
    expect(a.total, JSON.stringify(a)).toBe(counted[0]!.total);
    if (i > 0)
      expect(a.faits!, JSON.stringify(answers)).toBeGreaterThanOrEqual(counted[i - 1]!.faits!);
  });
  const pdf = await get(
    `${CLUSTER.nginxUrl}/classes/${DEMO_IDS.classe}/conseil/pdf?recto-verso=1`,
    cookie!,
  );
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
});

test('with one instance killed, nginx keeps pages and PDFs coming with no error', async () => {
  const state = readState();
  const { cookie } = await signIn(CLUSTER.nginxUrl, DEMO_ACCOUNTS.enseignant);
  process.kill(-state.instancePids[1]!, 'SIGKILL');
  await expect
    .poll(() =>
      fetch(`${direct(PORT_2)}/api/health`).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');
  const page = await fetch(`${CLUSTER.nginxUrl}/bilans/${DEMO_IDS.angie}`, {
    headers: { cookie: cookie! },
  });
  const pdfs = [
    ...new Set(
      [
        ...(await page.text()).matchAll(/href="(\/bilans\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/pdf)"/g),
      ].map((m) => m[1]!),
    ),
  ];
  expect(pdfs.length).toBeGreaterThan(0);
  for (let i = 0; i < 10; i++) {
    const response = await get(`${CLUSTER.nginxUrl}${BILAN}`, cookie!);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-instance')).toBe('app1');
  }
  const pdf = await get(`${CLUSTER.nginxUrl}${pdfs[0]}`, cookie!);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
});
