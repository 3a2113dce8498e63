// Server start-up (Node.js runtime only): open the database now, and on stop close the
// PDF browser (no Chromium left behind) and the embedded database (no WAL replay).
import { closePdfService } from '@/lib/pdf/documents';
import { getConnection } from '@/lib/db/client';

export async function startServerDatabase(): Promise<void> {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([closePdfService(), getConnection().then((c) => c.close())]).finally(
      () => process.exit(0),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    await getConnection();
  } catch (error) {
    console.error(
      '[cpro] La base de données ne répond pas au démarrage :',
      (error as Error).message,
    );
  }
}
