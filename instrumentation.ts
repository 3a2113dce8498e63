// Runs once when the server starts: opens the database (on the embedded default this
// migrates and seeds it the first time) so the first teacher does not wait for it, after
// the one work-around that keeps finished renders collectable (see abort-reason-frames).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { releaseAbortReasonFrames } = await import('./lib/server/abort-reason-frames');
    releaseAbortReasonFrames();
    const { startServerDatabase } = await import('./lib/server/startup');
    await startServerDatabase();
  }
}
