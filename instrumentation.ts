// Runs once when the server starts: opens the database (on the embedded default this
// migrates and seeds it the first time) so the first teacher does not wait for it, after
// the one work-around that keeps finished renders collectable (see abort-reason-frames),
// and with the hook that stamps each request with its socket address (already loaded by
// `npm start`; this covers a bare `next start` from the moment the server is ready).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A wrong variable stops the server here, with its name (lib/config/env.ts).
    const { appConfigOrExit } = await import('./lib/config/env');
    appConfigOrExit();
    const path = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const hook = pathToFileURL(path.join(process.cwd(), 'lib', 'server', 'http-entry-hook.mjs'));
    await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ hook.href);
    const { releaseAbortReasonFrames } = await import('./lib/server/abort-reason-frames');
    releaseAbortReasonFrames();
    const { startServerDatabase } = await import('./lib/server/startup');
    await startServerDatabase();
  }
}
