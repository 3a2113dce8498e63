// Where the app keeps its local state: the embedded database, the generated session
// secret. `DATA_DIR` lets tests and a second instance use their own folder.
import path from 'node:path';

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), '.data'));
}

export function migrationsDir(): string {
  return path.join(process.cwd(), 'drizzle');
}
