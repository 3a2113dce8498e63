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
import { REQUEST_ID_HEADER, observe } from '@/lib/observability/request-log';
import { installSafeConsole, requestContext } from '@/lib/observability/safe-errors';
import { routePattern } from '@/lib/observability/routes';
import { startControlSocket } from './control-socket';
import { requestStarted } from './in-flight';
import { serveNotFoundShells } from './not-found-shell';

// No database statement, parameter or DETAIL in any console line, Next.js's own included.
installSafeConsole();

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

// Set on SIGTERM: the server answers only what finishes the work under way.
let draining = false;

// Each request: its id, then one JSON log line and the metrics at its end (lib/observability).
const server = createEntryServer((request, response) => {
  observe(request, response);
  const finished = requestStarted();
  response.once('close', finished);
  // While stopping, the print pages still answer (the browser loads them to finish the PDFs
  // under way); anything else is told to go elsewhere — a load balancer retries it.
  if (draining && !request.url?.startsWith('/impression/')) {
    response.writeHead(503, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Retry-After': '5',
      Connection: 'close',
      'Cache-Control': 'no-store',
    });
    response.end('Le serveur s’arrête : réessayez dans quelques secondes.\n');
    return;
  }
  // A page's notFound() readable without JavaScript (not-found-shell.ts).
  serveNotFoundShells(request, response);
  // The route and id follow the request's work: an error logged while serving it names them.
  return requestContext.run(
    { route: routePattern(request.url), requestId: String(request.headers[REQUEST_ID_HEADER]) },
    () => handle(request, response),
  );
});
server.listen(config.port, () => {
  console.log(`[cpro] Prêt sur le port ${config.port}${dev ? ' (développement)' : ''}.`);
});
// `npm run db:backup` asks this server for a dump of the embedded database it holds.
const control = config.databaseUrl ? null : startControlSocket();
// On SIGTERM, new requests are refused (503) but print pages; the requests under way finish,
// and lib/server/startup.ts drains the printer and the traces, then exits.
// `on`, not `once`: a listener must stay, or signal-exit (proper-lockfile's) would re-raise the
// signal and kill the process before the drain.
process.on('SIGTERM', () => {
  draining = true;
  server.closeIdleConnections();
  control?.close();
});
