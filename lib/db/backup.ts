// Backups of the embedded database: PGlite's own dump (a gzipped tarball of its folder,
// taken inside the process that holds it, so consistent), written private (0600). Used before
// migrating an existing database at start-up, and by `npm run db:backup` (through the running
// server when it holds the database, lib/server/control-socket.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from './connect';

export async function writeBackup(connection: Connection, file: string): Promise<number> {
  if (!connection.dump) {
    throw new Error('Sauvegarde intégrée : base embarquée seulement (PostgreSQL : pg_dump).');
  }
  const bytes = Buffer.from(await (await connection.dump()).arrayBuffer());
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Written beside, then renamed: a backup file is whole or absent.
  const partial = `${file}.partiel`;
  fs.writeFileSync(partial, bytes, { mode: 0o600 });
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, file);
  return bytes.length;
}

/** Where the automatic backup before a migration goes: DATA_DIR/sauvegardes/. */
export function migrationBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(dataDir, 'sauvegardes', `avant-migration-${stamp}.tar.gz`);
}
