// A backup is private from its creation, never written through a link someone placed, never
// over a file of the same name, whole or absent — on a full disk too (a French message, no
// partial file left).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupExistsError, DiskFullError, writeBackup } from './backup';
import type { Connection } from './connect';

/** A backup of a database whose dump is `data` (what db:backup and the server write). */
function writeNewPrivateFile(file: string, data: Uint8Array): Promise<number> {
  const connection = {
    dump: async () => new Blob([new Uint8Array(data)]),
  } as unknown as Connection;
  return writeBackup(connection, file);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-sauvegarde-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = new Uint8Array(4096).fill(7);

describe('writeBackup', () => {
  it('writes 0600 whatever the umask, and leaves nothing beside it', async () => {
    const previous = process.umask(0);
    try {
      await writeNewPrivateFile(path.join(dir, 'a.tar.gz'), bytes);
    } finally {
      process.umask(previous);
    }
    expect(fs.statSync(path.join(dir, 'a.tar.gz')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['a.tar.gz']);
  });

  it('never replaces a file, nor writes through a link placed under its name', async () => {
    const existing = path.join(dir, 'b.tar.gz');
    fs.writeFileSync(existing, 'ancienne');
    await expect(writeNewPrivateFile(existing, bytes)).rejects.toThrow(BackupExistsError);
    expect(fs.readFileSync(existing, 'utf8')).toBe('ancienne');
    // A link to a file of another account's, or to nowhere yet: refused, the target untouched.
    const victim = path.join(dir, 'victime');
    fs.writeFileSync(victim, 'à garder');
    fs.symlinkSync(victim, path.join(dir, 'lien.tar.gz'));
    fs.symlinkSync(path.join(dir, 'pas-encore'), path.join(dir, 'pendant.tar.gz'));
    await expect(writeNewPrivateFile(path.join(dir, 'lien.tar.gz'), bytes)).rejects.toThrow(
      BackupExistsError,
    );
    await expect(writeNewPrivateFile(path.join(dir, 'pendant.tar.gz'), bytes)).rejects.toThrow(
      BackupExistsError,
    );
    expect(fs.readFileSync(victim, 'utf8')).toBe('à garder');
    expect(fs.existsSync(path.join(dir, 'pas-encore'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partiel'))).toEqual([]);
  });

  it('of two backups written under one name at once, one is kept whole, the other refused', async () => {
    const target = path.join(dir, 'course.tar.gz');
    const other = new Uint8Array(4096).fill(9);
    const results = await Promise.allSettled([
      writeNewPrivateFile(target, bytes),
      writeNewPrivateFile(target, other),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const kept = fs.readFileSync(target);
    expect(kept.every((b) => b === kept[0])).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'says in French when the disk is full, and leaves no partial file',
    async () => {
      const full = path.join(dir, 'plein');
      fs.mkdirSync(full);
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]);
      if (mounted.status !== 0) return; // no right to mount here: nothing to prove
      try {
        await expect(
          writeNewPrivateFile(path.join(full, 'grosse.tar.gz'), new Uint8Array(1024 * 1024)),
        ).rejects.toThrow(DiskFullError);
        expect(fs.readdirSync(full)).toEqual([]);
      } finally {
        spawnSync('umount', [full]);
      }
    },
  );
});
