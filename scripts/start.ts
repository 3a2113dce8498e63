// `npm start`: everything a newcomer needs in one command. Builds the app if there is no
// up-to-date build, provides a session secret and the public URL, then serves it with
// `next start`. The embedded database is migrated and seeded by the server on its first
// start (instrumentation.ts), so no environment variable is required.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getAuthSecret } from '@/lib/auth/secret';
import { embeddedDatabaseDir } from '@/lib/db/client';
import { DatabaseLockedError, lockHolder } from '@/lib/db/lock';
import { buildIfNeeded, nextBin } from './build-if-needed';

const dev = process.argv.includes('--dev');
const skipBuild = process.argv.includes('--no-build');
const port = process.env.PORT ?? '3000';

process.env.NEXTAUTH_SECRET = getAuthSecret();
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = '1';

if (!process.env.DATABASE_URL) {
  // Refuse before building: the server would only find out once started.
  const lock = `${embeddedDatabaseDir()}.lock`;
  const holder = lockHolder(lock);
  if (holder !== null) {
    console.error(`[cpro] ${new DatabaseLockedError(lock, holder).message}`);
    process.exit(1);
  }
}

if (!dev && !skipBuild) buildIfNeeded();

console.log(
  `[cpro] Démarrage sur ${process.env.NEXTAUTH_URL} — base ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embarquée (${embeddedDatabaseDir()})`}`,
);
// A larger young generation for the server: a page allocates about a megabyte of short-
// lived objects, and with V8's default 16 MB semi-space the collector ran every few pages,
// a tenth of a bilan page's CPU time (bench/README.md). Costs at most ~100 MB of memory.
const nodeFlags = (process.env.NODE_OPTIONS ?? '').includes('--max-semi-space-size')
  ? []
  : ['--max-semi-space-size=64'];
// Before Next.js starts listening: every request carries its socket address, and methods
// the module does not use are refused (the hook's header comment says why).
const entryHook = pathToFileURL(path.resolve('lib/server/http-entry-hook.mjs')).href;
const child = spawn(
  process.execPath,
  [...nodeFlags, '--import', entryHook, nextBin(), dev ? 'dev' : 'start', '-p', port],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
