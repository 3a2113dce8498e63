// The module's HTTP server, the program `npm start` runs (compiled to dist/server.mjs by
// scripts/start.ts): Next.js behind our own node:http server, so that what must happen
// before Next.js — the socket's address stamped, refused methods and request-targets
// answered (http-entry.ts) — happens in code of ours rather than in a patch of Node's
// http.Server. Next.js's instrumentation (instrumentation.ts) opens the database and stops
// cleanly on SIGTERM.
import next from 'next';
import { appConfigOrExit } from '@/lib/config/env';
import { standaloneNextConfig } from './standalone-config';
import { createEntryServer } from './http-entry';

const dev = process.argv.includes('--dev');
const config = appConfigOrExit();
const dir = process.cwd();
// In production, the configuration saved at build time (lib/server/standalone-config.ts).
const app = next({
  dev,
  dir,
  port: config.port,
  conf: dev ? undefined : standaloneNextConfig(dir),
});
const handle = app.getRequestHandler();
await app.prepare();

const server = createEntryServer(handle);
server.listen(config.port, () => {
  console.log(`[cpro] Prêt sur le port ${config.port}${dev ? ' (développement)' : ''}.`);
});
