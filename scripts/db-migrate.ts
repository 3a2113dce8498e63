// `npm run db:migrate`: applies drizzle/ migrations to PostgreSQL (DATABASE_URL) or to the
// embedded database (refused clearly while a server holds it).
import { openConfiguredDatabase } from '@/lib/db/client';

const connection = await openConfiguredDatabase({ prepareEmbedded: false }).catch(
  (error: Error) => {
    console.error(`[cpro] ${error.message}`);
    process.exit(1);
  },
);
try {
  await connection.migrate();
  console.log(`[cpro] Migrations appliquées (${connection.driver}).`);
} finally {
  await connection.close();
}
