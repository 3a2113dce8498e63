// How the embedded database becomes usable at start-up: a fresh one migrated, then seeded
// with the demo data (an empty database only); an existing one whose schema is behind this
// code is first backed up (DATA_DIR/sauvegardes/), then migrated. PostgreSQL is migrated by its
// operator instead (lib/server/startup.ts refuses a schema that is not up to date).
import type { Connection } from '@/lib/db/connect';
import { seedIfEmpty } from '@/drizzle/seed/seed';
import { schemaStatus } from '@/lib/db/schema-version';
import { migrationBackupPath, writeBackup } from '@/lib/db/backup';
import { dataDir } from '@/lib/config/paths';
import { compte } from '@/lib/common/pluriel';

export async function migrateAndSeedDemo(connection: Connection): Promise<void> {
  const status = await schemaStatus(connection.db);
  if (status.state === 'en-retard' && connection.dump) {
    const file = migrationBackupPath(dataDir());
    await writeBackup(connection, file);
    console.log(
      `[cpro] ${compte(status.pending, 'migration', 'migrations')} à appliquer : sauvegarde préalable dans ${file}.`,
    );
  }
  await connection.migrate();
  await seedIfEmpty(connection.db);
}
