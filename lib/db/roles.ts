// Least privilege on PostgreSQL. Migrations (and the demo seed) run as the role that owns
// the tables; the application connects as another role that can only READ the archives
// and write its own working tables. That role owns nothing, so it cannot DISABLE TRIGGER,
// ALTER or DROP a table, and — not being a superuser — cannot set session_replication_role
// to skip the archive triggers. `npm run db:roles` applies this set-up (docs/securite.md).
import { sql } from 'drizzle-orm';
import type { Database } from './types';
import { z } from 'zod';
import { parseRows } from './rows';

/** Written by CPRO's other modules: the app reads them, never writes them. */
export const ARCHIVE_TABLES = [
  'etablissements',
  'referentiels',
  'competences',
  'classes',
  'apprenants',
  'inscriptions',
  'periodes',
  'bilans',
  'positionnements',
  'notes',
] as const;

/** The app's own working tables, with exactly the statements it runs on them. */
export const APP_TABLE_PRIVILEGES: Record<string, string> = {
  // Accounts are managed elsewhere; signing out bumps the session version, and only that.
  utilisateurs: 'SELECT, UPDATE (session_version)',
  connexion_echecs: 'SELECT, INSERT, UPDATE, DELETE',
  // Append-only: its purge goes through purger_traces_acces() (owner's rights, last month kept).
  traces_acces: 'SELECT, INSERT',
  pronote_jetons: 'SELECT, INSERT, UPDATE',
  pronote_lectures: 'SELECT, INSERT',
  pronote_bilans_lus: 'SELECT, INSERT, UPDATE',
  jetons_impression_utilises: 'SELECT, INSERT, DELETE',
  pdf_cache: 'SELECT, INSERT, UPDATE, DELETE',
  sessions: 'SELECT, INSERT, UPDATE (revoquee_le), DELETE',
  // Linked at first sign-in by a verified e-mail claim; the link script runs as the owner.
  identites_externes: 'SELECT, INSERT',
};

const FUNCTIONS = ['purger_traces_acces(timestamptz)'];

/** A role name we create and grant to: plain lower-case identifiers only. */
export function isRoleName(name: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(name);
}

/**
 * Creates the app role if it does not exist (login, no other attribute) and gives it exactly
 * the rights above, taking back any other first: safe to run again after every migration.
 * Run as the tables' owner.
 */
export async function grantAppRole(
  db: Database,
  role: string,
  password: string | null = null,
): Promise<void> {
  if (!isRoleName(role)) throw new Error(`Nom de rôle invalide : « ${role} ».`);
  const name = sql.identifier(role);
  const exists = parseRows(
    await db.execute(sql`select 1 as present from pg_roles where rolname = ${role}`),
    z.object({ present: z.number() }),
  );
  if (exists.length === 0) {
    await db.execute(
      sql`create role ${name} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls`,
    );
  }
  if (password !== null) {
    // A literal, not a parameter: utility statements take none.
    await db.execute(sql.raw(`alter role "${role}" password '${password.replace(/'/g, "''")}'`));
  }
  await db.execute(sql`revoke all on all tables in schema public from ${name}`);
  await db.execute(sql`revoke all on all functions in schema public from ${name}`);
  await db.execute(sql`revoke create on schema public from ${name}`);
  await db.execute(sql`grant usage on schema public to ${name}`);
  for (const table of ARCHIVE_TABLES) {
    await db.execute(sql`grant select on ${sql.identifier(table)} to ${name}`);
  }
  for (const [table, privileges] of Object.entries(APP_TABLE_PRIVILEGES)) {
    await db.execute(sql`grant ${sql.raw(privileges)} on ${sql.identifier(table)} to ${name}`);
  }
  for (const fn of FUNCTIONS) {
    await db.execute(sql`grant execute on function ${sql.raw(fn)} to ${name}`);
  }
}
