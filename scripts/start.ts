// `npm start`: everything a newcomer needs in one command. Builds the app if there is no
// up-to-date build, provides a session secret and the public URL, then runs our compiled
// server (dist/server.mjs: Next.js behind lib/server/main.ts) with plain `node`. The
// embedded database is migrated and seeded by the server on its first start
// (instrumentation.ts), so no environment variable is required.
import { spawn } from 'node:child_process';
import { getAuthSecret } from '@/lib/auth/secret';
import { appConfigOrExit } from '@/lib/config/env';
import { embeddedDatabaseDir } from '@/lib/config/paths';
import { DatabaseLockedError, isLocked } from '@/lib/db/lock';
import { buildIfNeeded } from './build-if-needed';

const dev = process.argv.includes('--dev');
const skipBuild = process.argv.includes('--no-build');
// A wrong variable stops here, with its name, before anything is built or started.
const config = appConfigOrExit();
const port = String(config.port);
const publicUrl = config.publicUrl ?? `http://localhost:${port}`;

// Handed to the server process (and to next-auth, which reads them itself).
process.env.NEXTAUTH_SECRET = getAuthSecret();
process.env.NEXTAUTH_URL = publicUrl;
process.env.NEXT_TELEMETRY_DISABLED = '1';

if (!config.databaseUrl) {
  // Refuse before building: the server would only find out once started.
  const lock = `${embeddedDatabaseDir()}.lock`;
  if (isLocked(lock)) {
    console.error(`[cpro] ${new DatabaseLockedError(lock).message}`);
    process.exit(1);
  }
}

const server = await buildIfNeeded({ next: !dev && !skipBuild });

console.log(
  `[cpro] Démarrage sur ${publicUrl} — base ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embarquée (${embeddedDatabaseDir()})`}`,
);
// A larger young generation for the server: a page allocates about a megabyte of short-
// lived objects, and with V8's default 16 MB semi-space the collector ran every few pages,
// a tenth of a bilan page's CPU time (bench/README.md). Costs at most ~100 MB of memory.
const nodeFlags = config.nodeOptions.includes('--max-semi-space-size')
  ? []
  : ['--max-semi-space-size=64'];
const child = spawn(process.execPath, [...nodeFlags, server, ...(dev ? ['--dev'] : [])], {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
