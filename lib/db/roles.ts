// Least privilege on PostgreSQL. Migrations (and the demo seed) run as the role that owns
// the tables; the application connects as another role that can only READ the archives
// and write its own working tables. That role owns nothing, so it cannot DISABLE TRIGGER,
// ALTER or DROP a table, and — not being a superuser — cannot set session_replication_role
// to skip the archive triggers. `npm run db:roles` applies this set-up (docs/securite.md).
import { sql } from 'drizzle-orm';
import type { Database } from './types';
import { z } from 'zod';
import { parseRows } from './rows';

/** Written by CPRO's other modules (or the demo seed): the app reads them, never writes them. */
export const ARCHIVE_TABLES = ['etablissements', 'referentiels', 'competences'] as const;

/**
 * The tables the app writes, with exactly the statements it runs on them. The school's own
 * data (classes, pupils, enrolments, periods, accounts) is written by the administration
 * pages (lib/administration): never deleted (traces and bilans refer to it), and only the
 * columns an import or an administrator changes.
 */
export const APP_TABLE_PRIVILEGES: Record<string, string> = {
  // Signing out bumps the session version, signing in records when; the administration
  // creates accounts, renames, deactivates and reactivates them. Never a password, a role or
  // an establishment.
  utilisateurs:
    'SELECT, INSERT, UPDATE (session_version, nom, prenom, actif, derniere_connexion_le, sts_individu_id)',
  // Class teams: from STS-Web or the administrator, who may remove a teacher.
  equipes: 'SELECT, INSERT, DELETE',
  connexion_echecs: 'SELECT, INSERT, UPDATE, DELETE',
  // Append-only: its purge goes through purger_traces_acces() (owner's rights, last month kept).
  traces_acces: 'SELECT, INSERT',
  pronote_jetons: 'SELECT, INSERT, UPDATE',
  pronote_lectures: 'SELECT, INSERT',
  pronote_bilans_lus: 'SELECT, INSERT, UPDATE',
  jetons_impression_utilises: 'SELECT, INSERT, DELETE',
  pdf_cache: 'SELECT, INSERT, UPDATE, DELETE',
  impressions_en_cours: 'SELECT, INSERT, UPDATE, DELETE',
  sessions: 'SELECT, INSERT, UPDATE (revoquee_le), DELETE',
  // Linked at first sign-in by a verified e-mail claim, or by an administrator, who may unlink.
  identites_externes: 'SELECT, INSERT, DELETE',
  // A teacher's other e-mail, linked by the administrator at a probable duplicate: kept.
  autres_courriels: 'SELECT, INSERT',
  // A SIECLE import: pupils renamed, classes created (their referential may be re-chosen),
  // enrolments moved or closed by an exit date. Nothing deleted.
  classes: 'SELECT, INSERT, UPDATE (referentiel_id)',
  apprenants: 'SELECT, INSERT, UPDATE (nom, prenom, ine, siecle_eleve_id)',
  inscriptions: 'SELECT, INSERT, UPDATE (classe_id, sortie_le)',
  // A period no PRONOTE read refers to can be removed (the foreign key refuses the others).
  periodes: 'SELECT, INSERT, UPDATE (libelle, debut, fin, cloture), DELETE',
  referentiels_divisions: 'SELECT, INSERT, UPDATE (referentiel_id, choisi_le)',
  // Append-only (triggers), as the access trace.
  journal_administration: 'SELECT, INSERT',
  // The archives. Bilans come in through the write API (lib/alimentation): inserted, then
  // validated once (the only UPDATE the triggers allow); a draft is withdrawn only through
  // retirer_brouillon() (owner's rights): the role itself deletes nothing. Validated bilans,
  // their positionnements and notes are refused to everyone by the triggers.
  bilans: 'SELECT, INSERT, UPDATE (valide_le)',
  positionnements: 'SELECT, INSERT',
  notes: 'SELECT, INSERT',
  // A mapping is withdrawn with its draft by retirer_brouillon() only.
  sources_bilans: 'SELECT, INSERT, UPDATE (empreinte, version, modifie_le, modifie_par)',
  ecritures_alimentation: 'SELECT, INSERT',
  // A previewed import waiting for « Appliquer », removed once applied or expired.
  imports_en_attente: 'SELECT, INSERT, DELETE',
};

const FUNCTIONS = ['purger_traces_acces(timestamptz)', 'retirer_brouillon(uuid, text)'];

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
  // The schema check (start-up, /api/health) reads which migrations were applied: that table
  // only, read only. Without it the server cannot know its schema, and refuses to start.
  await db.execute(sql`grant usage on schema drizzle to ${name}`);
  await db.execute(sql`revoke all on all tables in schema drizzle from ${name}`);
  await db.execute(sql`grant select on drizzle.__drizzle_migrations to ${name}`);
}
