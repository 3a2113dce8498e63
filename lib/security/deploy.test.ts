// The deployment files hold security rules a reviewer checks by eye; these tests keep them
// from coming back. (The cluster suite runs deploy/nginx.conf for real: e2e/cluster/.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, BODY_ROUTES, bodyTooLargeMessage } from '@/lib/http/body-limits';

const read = (file: string) => fs.readFileSync(path.join(process.cwd(), file), 'utf8');
/** The directives of an nginx file, comments dropped. */
const directives = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);

describe('deploy/nginx.conf', () => {
  const lines = directives(read('deploy/nginx.conf'));

  it('takes an instance out for connection errors and timeouts only, never for an answer', () => {
    const next = lines.filter((l) => l.startsWith('proxy_next_upstream '));
    expect(next).toEqual(['proxy_next_upstream error timeout;']);
    for (const server of lines.filter((l) => /^server \S+:\d+/.test(l))) {
      expect(server).toMatch(/max_fails=[3-9]/);
    }
  });

  it('serves its host name only, logs no query string nor id, rate-limits sign-ins', () => {
    expect(lines).toContain('listen 80 default_server;');
    expect(lines).toContain('return 444;');
    const format = lines.slice(lines.findIndex((l) => l.startsWith('log_format'))).join(' ');
    expect(format.slice(0, format.indexOf(';'))).not.toMatch(
      /\$(request|request_uri|args|query_string|uri)\b/,
    );
    expect(lines.some((l) => l.startsWith('limit_req zone=connexion'))).toBe(true);
    expect(lines).toContain('proxy_set_header Host $host;');
  });
});

/** nginx's `location` blocks of the module's server, in order, with their directives. */
function locations(lines: string[]) {
  const blocks: { modifier: string; match: string; directives: string[] }[] = [];
  let current: (typeof blocks)[number] | null = null;
  for (const line of lines) {
    const head = /^location\s+(=|~|\^~)?\s*(\S+)\s*\{$/.exec(line);
    if (head) {
      current = { modifier: head[1] ?? '', match: head[2]!, directives: [] };
      blocks.push(current);
    } else if (line === '}') current = null;
    else current?.directives.push(line);
  }
  return blocks;
}

/** The location nginx chooses for a path: exact, then longest `^~` prefix, regexes, prefix. */
function locationFor(blocks: ReturnType<typeof locations>, path: string) {
  const exact = blocks.find((b) => b.modifier === '=' && b.match === path);
  if (exact) return exact;
  const prefixes = blocks
    .filter((b) => (b.modifier === '' || b.modifier === '^~') && path.startsWith(b.match))
    .sort((a, b) => b.match.length - a.match.length);
  if (prefixes[0]?.modifier === '^~') return prefixes[0];
  const regex = blocks.find((b) => b.modifier === '~' && new RegExp(b.match).test(path));
  return regex ?? prefixes[0];
}

/** `64k`, `20m`, `20544k` in bytes. */
function sizeOf(value: string): number {
  const match = /^(\d+)([km]?)$/i.exec(value)!;
  const unit = { '': 1, k: 1024, m: 1024 * 1024 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Number(match[1]) * unit;
}

describe('deploy/nginx.conf body limits', () => {
  const lines = directives(read('deploy/nginx.conf'));
  const server = lines.slice(lines.indexOf('server_name bilans.example.fr;'));
  const blocks = locations(server);
  const serverLevel = (name: string) =>
    server.find((l) => l.startsWith(`${name} `) && !blocks.some((b) => b.directives.includes(l)));
  const directive = (block: { directives: string[] } | undefined, name: string) =>
    block?.directives.find((d) => d.startsWith(`${name} `)) ?? serverLevel(name);

  const cases = [
    { path: '/login', limit: BODY_LIMITS.formulaire },
    { path: '/api/auth/callback/credentials', limit: BODY_LIMITS.formulaire },
    ...BODY_ROUTES.map((r) => ({ path: r.example, limit: BODY_LIMITS[r.limit] })),
  ];

  it.each(cases)(
    '$path: the application’s limit, and its own answer over it',
    ({ path, limit }) => {
      const block = locationFor(blocks, path);
      const size = directive(block, 'client_max_body_size')!;
      expect(sizeOf(/client_max_body_size (\S+);/.exec(size)![1]!), size).toBe(limit.bytes);
      const errorPage = directive(block, 'error_page')!;
      const named = /^error_page 413 = (@\S+);$/.exec(errorPage)?.[1];
      expect(named, errorPage).toBeDefined();
      const answer = blocks.find((b) => b.match === named)!;
      const type = answer.directives.find((d) => d.startsWith('default_type'))!;
      const body = /^return 413 '(.*)';$/.exec(
        answer.directives.find((d) => d.startsWith('return'))!,
      )![1]!;
      if (limit.answer === 'json') {
        expect(type).toContain('application/json');
        expect(JSON.parse(body)).toEqual({
          erreur: 'trop_volumineux',
          message: bodyTooLargeMessage(limit),
        });
      } else {
        expect(type).toContain('text/html; charset=utf-8');
        expect(body).toContain(bodyTooLargeMessage(limit));
      }
    },
  );

  it('serves neither the metrics nor the health checks to the public', () => {
    for (const path of ['/api/metrics', '/api/health', '/api/health/live']) {
      expect(locationFor(blocks, path)?.directives, path).toContain('return 404;');
    }
  });

  it('masks the write API’s sources in its access log, as the application’s log does', () => {
    expect(lines).toContain(
      '"~^/api/alimentation/v1/bilans/" /api/alimentation/v1/bilans/:source;',
    );
  });
});

describe('deploy/Dockerfile build context', () => {
  it('leaves out dependencies, local data, secrets and history', () => {
    const ignored = directives(read('.dockerignore'));
    for (const entry of ['node_modules', '.data', '.env', '.env.*', '.git', '.next']) {
      expect(ignored).toContain(entry);
    }
  });
});
