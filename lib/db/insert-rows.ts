// Many rows in one INSERT, each column sent as ONE array parameter and spread by unnest().
// Why not drizzle's `insert().values(rows)`: it builds one parameter per cell, and building
// that statement was ~80 % of the write API's JavaScript time on a batch of 10 000 SN bilans
// (bench/alimentation.ts, profiled with --cpu-prof: 8 of 10 s in drizzle's query builder),
// time during which the server answered no teacher. With unnest the statement has one
// parameter per column whatever the number of rows. Each column travels as text[] and is cast
// to its type by the database: both drivers send a JS array of strings as a PostgreSQL array,
// escaped (PGlite does not know how to send an array of an enum such as `niveau`). Names and types come from the drizzle schema, so a
// wrong column does not compile.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './types';

/** INSERT … SELECT * FROM unnest(…): `rows` given by the schema's property names. */
export async function insertRows<
  T extends PgTable,
  K extends keyof T['$inferInsert'] & keyof T['_']['columns'] & string,
>(db: Database, table: T, keys: readonly K[], rows: Pick<T['$inferInsert'], K>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const parts = keys.map((key) => {
    const column = columns[key]!;
    const values = rows.map((row) => {
      const value: unknown = row[key];
      return value === undefined || value === null ? null : column.mapToDriverValue(value);
    });
    return {
      name: sql.identifier(column.name),
      values: sql`${sql.param(values)}::text[]::${sql.raw(`${column.getSQLType()}[]`)}`,
    };
  });
  await db.execute(sql`insert into ${table} (${sql.join(
    parts.map((p) => p.name),
    sql`, `,
  )})
    select * from unnest(${sql.join(
      parts.map((p) => p.values),
      sql`, `,
    )})`);
}
