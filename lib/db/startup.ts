// Server start-up (Node.js runtime only): open the database now, and close the embedded
// one cleanly when the server is stopped so PGlite does not have to replay its WAL.
import { getConnection } from './client';

export async function startServerDatabase(): Promise<void> {
  try {
    const connection = await getConnection();
    const close = () => {
      void connection.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', close);
    process.once('SIGINT', close);
  } catch (error) {
    console.error(
      '[cpro] La base de données ne répond pas au démarrage :',
      (error as Error).message,
    );
  }
}
