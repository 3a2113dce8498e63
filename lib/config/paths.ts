// Where the app keeps its local state: the embedded database, the generated session
// secret. `DATA_DIR` lets tests and a second instance use their own folder.
import path from 'node:path';
import { appConfig } from './env';

export function dataDir(): string {
  return appConfig().dataDir;
}

export function embeddedDatabaseDir(): string {
  return path.join(dataDir(), 'pglite');
}

export function migrationsDir(): string {
  return path.join(process.cwd(), 'drizzle');
}
