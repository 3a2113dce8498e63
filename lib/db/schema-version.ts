// Is the database's schema the one this code expects? Drizzle records each applied migration
// (drizzle.__drizzle_migrations, with the `when` of its journal entry as created_at); the code
// ships its journal (drizzle/meta/_journal.json). Behind: migrations to apply; ahead: a newer
// release wrote this database. Read by the readiness check and at start-up on PostgreSQL,
// which refuses to half-work on a schema it does not know.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { migrationsDir } from '@/lib/config/paths';
import type { Database } from './types';
import { parseRows } from './rows';
import { pgErrorCode } from './errors';

export type SchemaState = 'a-jour' | 'en-retard' | 'en-avance' | 'vide';

/**
 * The database answers but this connection may not read which migrations were applied (the
 * application's role without the grant of `npm run db:roles`): the schema is unknown, and a
 * server that cannot know its schema must not start as if it did.
 */
export class SchemaUnreadableError extends Error {
  constructor() {
    super(
      'Le rôle de connexion ne peut pas lire les migrations appliquées (schéma « drizzle ») : relancez « npm run db:roles » en tant que propriétaire des tables, puis redémarrez.',
    );
    this.name = 'SchemaUnreadableError';
  }
}

export interface SchemaStatus {
  state: SchemaState;
  /** Migrations the code has that the database lacks. */
  pending: number;
}

const journalSchema = z.object({
  entries: z.array(z.object({ when: z.number(), tag: z.string() })),
});

let journal: number[] | undefined;

/** The `when` of every migration this code ships, oldest first. */
export function shippedMigrations(): number[] {
  journal ??= journalSchema
    .parse(JSON.parse(fs.readFileSync(path.join(migrationsDir(), 'meta', '_journal.json'), 'utf8')))
    .entries.map((e) => e.when);
  return journal;
}

export async function schemaStatus(db: Database): Promise<SchemaStatus> {
  const shipped = shippedMigrations();
  let applied: Set<number>;
  try {
    const [table] = parseRows(
      await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
      z.object({ t: z.string().nullable() }),
    );
    if (!table?.t) return { state: 'vide', pending: shipped.length };
    applied = new Set(
      parseRows(
        await db.execute(sql`select created_at::text as c from drizzle.__drizzle_migrations`),
        z.object({ c: z.string() }),
      ).map((r) => Number(r.c)),
    );
  } catch (error) {
    if (pgErrorCode(error) === '42501') throw new SchemaUnreadableError();
    throw error;
  }
  const pending = shipped.filter((when) => !applied.has(when)).length;
  const latest = Math.max(0, ...applied);
  if (pending > 0) return { state: 'en-retard', pending };
  if (latest > (shipped.at(-1) ?? 0)) return { state: 'en-avance', pending: 0 };
  return { state: 'a-jour', pending: 0 };
}
