// Exclusive lock on the embedded database folder. PGlite has no lock between processes:
// a second process opening the same folder silently loses writes or corrupts it, so
// exactly one process may hold it, and anyone else is told clearly who does.
import fs from 'node:fs';

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `La base embarquée (${lockFile.replace(/\.lock$/, '')}) est déjà ouverte par le processus ${pid} ` +
        `(un « npm start » en cours ?). Arrêtez-le d'abord, ou utilisez un serveur PostgreSQL avec DATABASE_URL.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process (other than this one) holding the lock, or null. */
export function lockHolder(lockFile: string): number | null {
  let holder: number;
  try {
    holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
  } catch {
    return null;
  }
  return Number.isFinite(holder) && holder !== process.pid && isAlive(holder) ? holder : null;
}

/** Takes the lock for this process (re-entrant); throws DatabaseLockedError if a live process holds it. */
export function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) return () => {};
      const holder = lockHolder(lockFile);
      if (holder !== null) throw new DatabaseLockedError(lockFile, holder);
      // The holder died without cleaning up (killed server): PGlite recovers from its WAL.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Impossible de prendre le verrou ${lockFile}`);
}
