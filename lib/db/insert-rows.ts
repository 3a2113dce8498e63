// Many rows in one INSERT, each column sent as ONE array parameter and spread by unnest().
// Why not drizzle's `insert().values(rows)`: it builds one parameter per cell, and building
// that statement was ~80 % of the write API's JavaScript time on a batch of 10 000 SN bilans
// (bench/alimentation.ts, profiled with --cpu-prof: 8 of 10 s in drizzle's query builder),
// time during which the server answered no teacher. With unnest the statement has one
// parameter per column whatever the number of rows. Each column travels as a text[] literal
// (arrayLiteral) and is cast to its type by the database: node-postgres' own array encoding took
// 5 to 40 ms for the 31 500 values of 500 SN bilans (string concatenation), in one block of
// the event loop; this one takes ~5 ms and yields between columns. The literal is the same
// for both drivers (PGlite cannot send an array of an enum such as `niveau` itself). Names
// and types come from the drizzle schema, so a wrong column does not compile.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { arrayLiteral } from './array-literal';
import type { Database } from './types';

/** INSERT … SELECT * FROM unnest(…): `rows` given by the schema's property names. */
export async function insertRows<
  T extends PgTable,
  K extends keyof T['$inferInsert'] & keyof T['_']['columns'] & string,
>(db: Database, table: T, keys: readonly K[], rows: Pick<T['$inferInsert'], K>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const names = [];
  const arrays = [];
  for (const key of keys) {
    const column = columns[key]!;
    const values = rows.map((row) => {
      const value: unknown = row[key];
      return value === undefined || value === null
        ? null
        : String(column.mapToDriverValue(value) as string | number | boolean);
    });
    names.push(sql.identifier(column.name));
    arrays.push(sql`${arrayLiteral(values)}::text[]::${sql.raw(`${column.getSQLType()}[]`)}`);
    // A teacher's page may be waiting: let it pass between two columns.
    await nextTurn();
  }
  await db.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})`,
  );
}
