// The deployment files hold security rules a reviewer checks by eye; these tests keep them
// from coming back. (The cluster suite runs deploy/nginx.conf for real: e2e/cluster/.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('deploy/Dockerfile build context', () => {
  it('leaves out dependencies, local data, secrets and history', () => {
    const ignored = directives(read('.dockerignore'));
    for (const entry of ['node_modules', '.data', '.env', '.env.*', '.git', '.next']) {
      expect(ignored).toContain(entry);
    }
  });
});
