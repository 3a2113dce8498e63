// The embedded database on a full disk: PGlite answers the first write that finds no room with
// a 53100, then spins forever on the next statement (100 % CPU, SIGTERM ignored). The guard
// refuses every statement once the disk is short of room, or once a 53100 got through: the
// database answers « unavailable » at once and still closes. Needs a small file system of its
// own (tmpfs, mounted as root).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbedded } from './connect';
import { DatabaseDiskFullError } from './disk-guard';
import { isDatabaseUnavailable } from './unavailable';

const MIB = 1024 * 1024;
const mounts: string[] = [];

/** A fresh tmpfs of `mib` MiB, or null when this account may not mount one. */
function smallDisk(mib: number): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-disque-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mib}m`, 'tmpfs', dir]);
  if (mounted.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

/** Fills the disk of `dir` until `leftBytes` remain (or it is full). */
function fill(dir: string, leftBytes: number): void {
  const free = () => {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  };
  const fd = fs.openSync(path.join(dir, 'remplissage'), 'a');
  const block = Buffer.alloc(MIB);
  try {
    while (free() > leftBytes) {
      fs.writeSync(fd, block, 0, Math.min(MIB, free() - leftBytes));
    }
  } catch {
    // full
  } finally {
    fs.closeSync(fd);
  }
}

/** The guard's error, as drizzle hands it on (wrapped, with the statement as its message). */
function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'accepté',
    (error: unknown) => (error as { cause?: unknown }).cause ?? error,
  );
}

afterEach(() => {
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the embedded database on a full disk', () => {
  it('refuses every statement at once once the disk is short of room', async (context) => {
    const disk = smallDisk(160);
    if (!disk) return context.skip();
    const connection = await openEmbedded(path.join(disk, 'pglite'), { minFreeBytes: 48 * MIB });
    await connection.db.execute(sql`create table t (x text)`);
    fill(disk, 32 * MIB);
    await expect
      .poll(() => refusal(connection.db.execute(sql`select 1`)), { timeout: 5000 })
      .toBeInstanceOf(DatabaseDiskFullError);
    const error = await connection.db.execute(sql`select 1`).catch((e: unknown) => e);
    // An unavailable database, to the pages: their French 503.
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(
      String(((await refusal(connection.db.execute(sql`select 1`))) as Error).message),
    ).toMatch(/Disque plein/);
    await connection.close();
  });

  it('stops at the first disk-full error the margin missed: the next statement does not hang', async (context) => {
    const disk = smallDisk(160);
    if (!disk) return context.skip();
    // No margin: the database itself meets the full disk.
    const connection = await openEmbedded(path.join(disk, 'pglite'), { minFreeBytes: 0 });
    await connection.db.execute(sql`create table t (x text)`);
    fill(disk, 2 * MIB);
    let code: unknown;
    for (let i = 0; i < 200 && code === undefined; i++) {
      await connection.db
        .execute(sql`insert into t select repeat('x', 10000) from generate_series(1, 100)`)
        .catch((error: unknown) => {
          code =
            (error as { cause?: { code?: unknown } }).cause?.code ??
            (error as { code?: unknown }).code;
        });
    }
    expect(code).toBe('53100');
    // Before the guard, this statement spun forever.
    expect(await refusal(connection.db.execute(sql`select 1`))).toBeInstanceOf(
      DatabaseDiskFullError,
    );
    await connection.close();
  });
});
