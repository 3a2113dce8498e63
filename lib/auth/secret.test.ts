// The session secret's folder is private whatever the database: on PostgreSQL too, a loose
// DATA_DIR (0777, secret 0644) is tightened before the secret is read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-secret-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('session secret on PostgreSQL', () => {
  it('tightens a loose data folder and secret before reading it', async () => {
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(dataDir, { mode: 0o777 });
    fs.chmodSync(dataDir, 0o777);
    fs.writeFileSync(path.join(dataDir, 'secret'), 'secret-existant', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'secret'), 0o644);
    vi.stubEnv('DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', 'postgres://cpro_app@db.invalid:5432/cpro');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { getAuthSecret } = await import('./secret');
    expect(getAuthSecret()).toBe('secret-existant');
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/Droits corrigés/);
    vi.unstubAllEnvs();
  });
});
