// `npm run db:migrate`: applies drizzle/ migrations to PostgreSQL (DATABASE_URL) or to the
// embedded database (refused clearly while a server holds it).
import { openForScript } from './open-database';

const connection = await openForScript({ prepareEmbedded: false });
try {
  await connection.migrate();
  console.log(`[cpro] Migrations appliquées (${connection.driver}).`);
} finally {
  await connection.close();
}
