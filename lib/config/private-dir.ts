// The local data folder holds pupils' data and password hashes (the embedded database) and
// the session secret: only the account running the server may read or write it. The folder
// and everything below it is made 0700 (folders) / 0600 (files) when it is created and at
// every start — an existing folder with looser modes is fixed, and the fix is reported —
// and the process creates its files without group or other rights from then on (umask
// 077), since PGlite creates its files world-readable and writable.
import fs from 'node:fs';
import path from 'node:path';
import { compte } from '@/lib/common/pluriel';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Tightens `root` and everything below it; returns the paths whose mode was changed. */
export function makePrivate(root: string): string[] {
  fs.mkdirSync(root, { recursive: true, mode: DIR_MODE });
  const fixed: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if (stat.isSymbolicLink()) return; // never follow a link out of the folder
    const wanted = stat.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((stat.mode & 0o777) !== wanted) {
      fs.chmodSync(entry, wanted);
      fixed.push(entry);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    }
  };
  visit(root);
  return fixed;
}

/** From now on this process creates files for its own account only. */
export function restrictNewFiles(): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; makePrivate() at the next start still applies.
  }
}

/** Both, with a line in the log when an existing folder had to be fixed. */
export function securePrivateDir(root: string): void {
  restrictNewFiles();
  const fixed = makePrivate(root);
  if (fixed.length > 0) {
    console.warn(
      `[cpro] Droits corrigés sur ${compte(fixed.length, 'élément', 'éléments')} de ${root} : dossiers 0700, fichiers 0600 (données d'élèves et secrets lisibles par ce seul compte).`,
    );
  }
}
