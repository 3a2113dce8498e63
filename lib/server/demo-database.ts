// How a fresh embedded database becomes usable: migrated, then seeded with the demo data
// the first time (an empty database only). PostgreSQL is migrated by its operator instead.
import type { Connection } from '@/lib/db/connect';
import { seedIfEmpty } from '@/drizzle/seed/seed';

export async function migrateAndSeedDemo(connection: Connection): Promise<void> {
  await connection.migrate();
  await seedIfEmpty(connection.db);
}
