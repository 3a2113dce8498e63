// The embedded database on a disk that fills up. PGlite answers the write that finds no room
// with SQLSTATE 53100 — and then spins at 100 % CPU on the next statement, inside its
// WebAssembly, where nothing of ours runs again: no answer, SIGTERM ignored (measured on
// PGlite 0.5). So the database is never let near a full disk: before each statement the free
// space of its folder's file system is read (at most once a second), and under the margin —
// or after a 53100 got through anyway — every statement is refused at once with a 53100 of
// ours: the pages answer the French 503 of an unavailable database, the server still stops on
// SIGTERM, and the log says why. Freeing space, then restarting, brings it back.
import fs from 'node:fs';

/** Free space kept: a batch of the write API writes well under it (WAL and data). */
export const DEFAULT_MIN_FREE_BYTES = 128 * 1024 * 1024;

export class DatabaseDiskFullError extends Error {
  readonly code = '53100';
  constructor(readonly dir: string) {
    super(
      `Disque plein : il reste trop peu de place pour la base embarquée (${dir}). Libérez de la place, puis redémarrez le module.`,
    );
    this.name = 'DatabaseDiskFullError';
  }
}

export class DiskGuard {
  private checkedAt = 0;
  private full = false;

  constructor(
    private readonly dir: string,
    private readonly minFreeBytes = DEFAULT_MIN_FREE_BYTES,
  ) {}

  /** Throws a DatabaseDiskFullError when the database must not be used (see above). */
  check(now = Date.now()): void {
    if (!this.full && now - this.checkedAt >= 1000) {
      this.checkedAt = now;
      const stats = fs.statfsSync(this.dir);
      if (stats.bavail * stats.bsize < this.minFreeBytes) this.trip();
    }
    if (this.full) throw new DatabaseDiskFullError(this.dir);
  }

  /** Called with a statement's error: a disk-full error the margin missed stops everything. */
  observe(error: unknown): void {
    if ((error as { code?: unknown } | null)?.code === '53100') this.trip();
  }

  private trip(): void {
    if (!this.full) console.error(`[db] ${new DatabaseDiskFullError(this.dir).message}`);
    this.full = true;
  }
}
