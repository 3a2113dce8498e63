// Backups of the embedded database: PGlite's own dump (a gzipped tarball of its folder,
// taken inside the process that holds it, so consistent), written private (0600), never over
// another file, whole or not at all (writeNewPrivateFile). Used before
// migrating an existing database at start-up, and by `npm run db:backup` (through the running
// server when it holds the database, lib/server/control-socket.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from './connect';

export async function writeBackup(connection: Connection, file: string): Promise<number> {
  if (!connection.dump) {
    throw new Error('Sauvegarde intégrée : base embarquée seulement (PostgreSQL : pg_dump).');
  }
  const bytes = Buffer.from(await (await connection.dump()).arrayBuffer());
  writeNewPrivateFile(file, bytes);
  return bytes.length;
}

export class BackupExistsError extends Error {
  constructor(readonly file: string) {
    super(`Le fichier ${file} existe déjà : choisissez un autre nom (rien n’est écrasé).`);
    this.name = 'BackupExistsError';
  }
}

export class DiskFullError extends Error {
  constructor(readonly file: string) {
    super(
      `Le disque est plein : la sauvegarde ${file} n’a pas pu être écrite (rien n’a été laissé). Libérez de la place et recommencez.`,
    );
    this.name = 'DiskFullError';
  }
}

/**
 * Writes a file that did not exist, readable by its owner only, whole or not at all: the bytes
 * go to a new file of a random name beside it (created exclusively, never through a link
 * someone placed there, 0600 from its creation), which is then linked under its name — a
 * link, unlike a rename, never replaces a file (or a link) of that name written meanwhile.
 */
export function writeNewPrivateFile(file: string, bytes: Uint8Array): void {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target) || isLink(target)) throw new BackupExistsError(file);
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${crypto.randomBytes(8).toString('hex')}.partiel`,
  );
  const flags =
    fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW;
  let fd: number | undefined;
  try {
    fd = fs.openSync(partial, flags, 0o600);
    // A write may take fewer bytes than given (a disk filling up): on until all are taken or
    // the disk says it is full.
    for (let written = 0; written < bytes.length;) {
      written += fs.writeSync(fd, bytes, written);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.linkSync(partial, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fd === undefined && fs.existsSync(partial)) {
      throw new BackupExistsError(file);
    }
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new DiskFullError(file);
    throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Where the automatic backup before a migration goes: DATA_DIR/sauvegardes/. */
export function migrationBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(dataDir, 'sauvegardes', `avant-migration-${stamp}.tar.gz`);
}
