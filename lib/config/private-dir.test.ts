// The data folder is private to the server's account: fixed when it was not, and the
// embedded database's own files are created private too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openEmbedded } from '@/lib/db/connect';
import { makePrivate, securePrivateDir } from './private-dir';

const roots: string[] = [];
function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-prive-'));
  roots.push(root);
  return root;
}
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function modes(root: string): Map<string, number> {
  const found = new Map<string, number>();
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    found.set(path.relative(root, entry) || '.', stat.mode & 0o777);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return found;
}

describe('private data folder', () => {
  it('fixes an existing folder, says so, and leaves links alone', () => {
    const root = tempRoot();
    fs.mkdirSync(path.join(root, 'pglite', 'base'), { recursive: true });
    fs.writeFileSync(path.join(root, 'secret'), 'x');
    fs.writeFileSync(path.join(root, 'pglite', 'base', '1'), 'x');
    fs.chmodSync(root, 0o777);
    fs.chmodSync(path.join(root, 'secret'), 0o666);
    fs.chmodSync(path.join(root, 'pglite', 'base', '1'), 0o644);
    fs.symlinkSync('/etc/hostname', path.join(root, 'lien'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    securePrivateDir(root);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Droits corrigés'));
    warn.mockRestore();
    for (const [entry, mode] of modes(root)) {
      if (entry === 'lien') continue;
      const isDir = fs.statSync(path.join(root, entry)).isDirectory();
      expect(mode, entry).toBe(isDir ? 0o700 : 0o600);
    }
    expect(fs.statSync('/etc/hostname').mode & 0o777).not.toBe(0o600);
    expect(makePrivate(root)).toEqual([]); // nothing left to fix
  });

  it('leaves no file of a new embedded database readable by others', async () => {
    const root = tempRoot();
    const connection = await openEmbedded(path.join(root, 'pglite'));
    try {
      await connection.migrate();
    } finally {
      await connection.close();
    }
    const loose = [...modes(root)].filter(([, mode]) => (mode & 0o077) !== 0);
    expect(loose).toEqual([]);
    expect(modes(root).size).toBeGreaterThan(10);
  });
});
