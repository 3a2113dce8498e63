// `npm start` with a wrong variable stops at once, naming it, before building anything.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['scripts/cli.mjs', 'start', '--no-build'], {
    env: { ...process.env, DATA_DIR: '.data/start-test', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm start', () => {
  it('refuses a TRUSTED_PROXIES entry that is not an address, naming it', () => {
    const result = start({ TRUSTED_PROXIES: '127.0.0.1, proxy.lycee' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "TRUSTED_PROXIES doit lister des adresses IP ou des plages CIDR (« proxy.lycee » n'en est pas une)",
    );
  });

  it('refuses PDF_MAX_WAITING=abc with a French message naming the variable', () => {
    const result = spawnSync(process.execPath, ['scripts/cli.mjs', 'start', '--no-build'], {
      env: { ...process.env, PDF_MAX_WAITING: 'abc', DATA_DIR: '.data/start-test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'PDF_MAX_WAITING doit être un nombre entier de 0 à 10000 (reçu « abc »)',
    );
  });
});
