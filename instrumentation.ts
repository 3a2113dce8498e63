// Runs once when the server starts (lib/server/main.ts prepares Next.js): opens the
// database (on the embedded default this migrates and seeds it the first time) so the
// first teacher does not wait for it, after the one work-around that keeps finished
// renders collectable on the Node.js versions that need it (lib/server/abort-reason-frames.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A wrong variable stops the server here, with its name (lib/config/env.ts).
    const { appConfigOrExit } = await import('./lib/config/env');
    appConfigOrExit();
    const { releaseAbortReasonFrames } = await import('./lib/server/abort-reason-frames');
    releaseAbortReasonFrames();
    const { startServerDatabase } = await import('./lib/server/startup');
    await startServerDatabase();
  }
}
