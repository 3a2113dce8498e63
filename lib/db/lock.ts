// Exclusive lock on the embedded database folder. PGlite has no lock between processes: a
// second process opening the same folder silently loses writes or corrupts it, so exactly
// one process may hold it, and anyone else is told clearly. The lock is proper-lockfile's
// (a `<folder>.lock` directory whose mtime the holder refreshes): released when the process
// exits, and, if it was killed (kill -9, a crash), considered stale STALE_MS later.
import lockfile from 'proper-lockfile';

/** A killed holder's lock is taken over this long after its last refresh. */
const STALE_MS = 10_000;

export class DatabaseLockedError extends Error {
  constructor(readonly lockFile: string) {
    super(
      `La base embarquée (${lockFile.replace(/\.lock$/, '')}) est déjà ouverte par un autre processus ` +
        `(un « npm start » en cours ?). Arrêtez-le d'abord, ou utilisez un serveur PostgreSQL avec DATABASE_URL.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

const options = (lockFile: string) => ({
  lockfilePath: lockFile,
  // The folder may not exist yet: the lock is on the path, not on a resolved file.
  realpath: false,
  stale: STALE_MS,
});

/** Whether a live process holds the lock (its holder refreshed it within STALE_MS). */
export function isLocked(lockFile: string): boolean {
  return lockfile.checkSync(lockFile.replace(/\.lock$/, ''), options(lockFile));
}

const held = new Map<string, () => void>();

/** Takes the lock for this process (re-entrant); throws DatabaseLockedError if another holds it. */
export function acquireLock(lockFile: string): () => void {
  const existing = held.get(lockFile);
  if (existing) return () => {};
  let release: () => void;
  try {
    release = lockfile.lockSync(lockFile.replace(/\.lock$/, ''), options(lockFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
      throw new DatabaseLockedError(lockFile);
    throw error;
  }
  const releaseOnce = () => {
    if (held.get(lockFile) !== releaseOnce) return;
    held.delete(lockFile);
    try {
      release();
    } catch {
      // already released (the process is exiting)
    }
  };
  held.set(lockFile, releaseOnce);
  return releaseOnce;
}
