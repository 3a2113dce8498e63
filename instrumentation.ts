// Runs once when the server starts: opens the database (on the embedded default this
// migrates and seeds it the first time) so the first teacher does not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerDatabase } = await import('./lib/server/startup');
    await startServerDatabase();
  }
}
