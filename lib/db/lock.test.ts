// One process at a time on the embedded database: another process is refused while the
// holder lives, and the folder is free again once it has exited.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseLockedError, isLocked } from './lock';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-verrou-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Another Node.js process that takes the lock with proper-lockfile, as ours does, and waits. */
function holder(lockFile: string) {
  const script = `
    const lockfile = require('proper-lockfile');
    lockfile.lockSync(${JSON.stringify(lockFile.replace(/\.lock$/, ''))}, {
      lockfilePath: ${JSON.stringify(lockFile)}, realpath: false, stale: 10000 });
    console.log('verrouillé');
    process.stdin.on('data', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const locked = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, locked };
}

describe('embedded database lock', () => {
  it('refuses a second process while the holder lives, then lets it in', async () => {
    const lockFile = path.join(root, 'pglite.lock');
    const { child, locked } = holder(lockFile);
    await locked;
    expect(isLocked(lockFile)).toBe(true);
    expect(() => acquireLock(lockFile)).toThrow(DatabaseLockedError);
    expect(() => acquireLock(lockFile)).toThrow(/déjà ouverte par un autre processus/);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.write('fin\n');
    await exited;
    expect(isLocked(lockFile)).toBe(false);
    const release = acquireLock(lockFile);
    // Re-entrant within the process that holds it.
    expect(() => acquireLock(lockFile)).not.toThrow();
    release();
    expect(isLocked(lockFile)).toBe(false);
  });
});
