// On PostgreSQL, the application's role can read the archives and write its own tables,
// and nothing else: no change to an archive, no way around the triggers.
import crypto from 'node:crypto';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, sql } from 'drizzle-orm';
import { rowsOf } from './rows';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/drizzle/seed/seed';
import * as schema from './schema';
import { connectPostgres, type Connection } from './connect';
import { pgErrorCode, testDrivers } from './testing';
import { APP_TABLE_PRIVILEGES, ARCHIVE_TABLES, grantAppRole } from './roles';
import { purgeTraces } from '@/lib/trace/acces';
import { SchemaUnreadableError, schemaStatus } from './schema-version';
import { etablissementKey, lockKeys, sourceKey } from './advisory-locks';

describe('database roles', () => {
  it('classify every table of the schema as archive or app table', () => {
    const tables = Object.values(schema as Record<string, unknown>)
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableConfig(table).name)
      .sort();
    expect([...ARCHIVE_TABLES, ...Object.keys(APP_TABLE_PRIVILEGES)].sort()).toEqual(tables);
  });
});

const postgres = testDrivers().find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('the application role on PostgreSQL', () => {
  const role = `cpro_app_${crypto.randomBytes(4).toString('hex')}`;
  let owner: Connection;
  let app: Connection;

  beforeAll(async () => {
    owner = await postgres!.open();
    await seedDemo(owner.db, '2026-11-28');
    await grantAppRole(owner.db, role);
    await grantAppRole(owner.db, role); // a second run changes nothing
    const [{ url } = { url: '' }] = rowsOf<{ url: string }>(
      await owner.db.execute(sql`select current_database() as url`),
    );
    const base = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL!);
    base.username = role;
    base.pathname = `/${url}`;
    app = connectPostgres(base.toString(), { poolSize: 2 });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close(); // drops the test database
    const admin = new pg.Client({
      connectionString: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
    });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  async function refused(statement: ReturnType<typeof sql>) {
    const error = await app.db.execute(statement).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, String(statement.queryChunks[0])).not.toBeNull();
    expect(pgErrorCode(error)).toBe('42501');
  }

  it('reads the archives and does its own work', async () => {
    const [bilans] = rowsOf<{ n: number }>(
      await app.db.execute(sql`select count(*)::int as n from bilans`),
    );
    expect(bilans?.n).toBeGreaterThan(0);
    await app.db.execute(
      sql`insert into connexion_echecs (cle, echecs, debut) values ('compte:x', 1, now())`,
    );
    await app.db.execute(sql`delete from connexion_echecs where cle = 'compte:x'`);
    await app.db.execute(sql`update utilisateurs set session_version = session_version + 1`);
    const [etab] = rowsOf<{ id: string; u: string }>(
      await app.db.execute(
        sql`select e.id, u.id as u from etablissements e join utilisateurs u on u.etablissement_id = e.id limit 1`,
      ),
    );
    await app.db.execute(
      sql`insert into traces_acces (etablissement_id, utilisateur_id, action, route, cree_le)
          values (${etab!.id}, ${etab!.u}, 'consultation', '/x', now() - interval '2 years')`,
    );
    expect(await purgeTraces(app.db, new Date(Date.now() - 365 * 86_400_000))).toBe(1);
  });

  it('cannot change an archive, an account or the trace', async () => {
    await refused(sql`update bilans set constats = 'x'`);
    await refused(sql`delete from positionnements`);
    await refused(
      sql`insert into notes (bilan_id, libelle, valeur)
          select id, 'x', 20 from bilans where valide_le is not null limit 1`,
    );
    await refused(
      sql`update bilans set valide_le = now() - interval '1 day' where valide_le is not null`,
    );
    // Even a draft: neither edited nor deleted by the role itself (retirer_brouillon() only).
    await refused(sql`update bilans set constats = 'x' where valide_le is null`);
    await refused(sql`delete from bilans where valide_le is null`);
    await refused(sql`delete from notes`);
    await refused(sql`delete from ecritures_alimentation`);
    await refused(sql`update apprenants set etablissement_id = etablissement_id`);
    await refused(sql`update utilisateurs set role = 'direction'`);
    await refused(sql`update utilisateurs set etablissement_id = etablissement_id`);
    await refused(sql`update utilisateurs set password_hash = 'x'`);
    await refused(sql`update utilisateurs set email = 'x'`);
    await refused(sql`delete from utilisateurs`);
    await refused(sql`delete from apprenants`);
    await refused(sql`delete from classes`);
    await refused(sql`delete from inscriptions`);
    await refused(sql`update classes set etablissement_id = etablissement_id`);
    await refused(sql`update journal_administration set action = 'x'`);
    await refused(sql`delete from journal_administration`);
    await refused(sql`update traces_acces set route = 'x'`);
    await refused(sql`delete from traces_acces`);
    await refused(sql`truncate bilans`);
  });

  it('knows its schema: reads the applied migrations, and nothing else of drizzle’s', async () => {
    expect(await schemaStatus(app.db)).toEqual({ state: 'a-jour', pending: 0 });
    await refused(sql`delete from drizzle.__drizzle_migrations`);
    await refused(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', 1)`);
    // Without the grant (a role db:roles never ran for), the check cannot read its source:
    // an error that stops the start-up, never a schema taken as known.
    await owner.db.execute(
      sql`revoke select on drizzle.__drizzle_migrations from ${sql.identifier(role)}`,
    );
    await expect(schemaStatus(app.db)).rejects.toBeInstanceOf(SchemaUnreadableError);
    await grantAppRole(owner.db, role);
    expect((await schemaStatus(app.db)).state).toBe('a-jour');
  });

  it('validates a draft now, never at a date of its choosing', async () => {
    await refused(
      sql`update bilans set valide_le = now() - interval '1 day' where valide_le is null`,
    );
    await refused(
      sql`update bilans set valide_le = now() + interval '1 day' where valide_le is null`,
    );
  });

  it('takes the establishment’s and the sources’ locks (no row lock on archives)', async () => {
    const [etab] = rowsOf<{ id: string }>(
      await app.db.execute(sql`select id from etablissements limit 1`),
    );
    await app.db.transaction(async (tx) => {
      await lockKeys(tx, [etablissementKey(etab!.id), sourceKey(etab!.id, 'tdb:1')]);
    });
    await refused(sql`select id from etablissements for update`);
  });

  it('cannot switch the archive triggers off, nor alter the tables', async () => {
    await refused(sql`alter table bilans disable trigger all`);
    await refused(sql`alter table bilans disable trigger bilans_sans_suppression`);
    await refused(sql`set session_replication_role = replica`);
    await refused(sql`drop trigger bilans_sans_suppression on bilans`);
    await refused(sql`create table intrus (x int)`);
    await refused(
      sql`create or replace function refuser_modification_archive() returns trigger language plpgsql as $$ begin return new; end $$`,
    );
  });
});
