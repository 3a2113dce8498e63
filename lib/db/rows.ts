// Rows of a raw `db.execute()` result: both drivers answer `{ rows }`, but Drizzle's
// driver-neutral type does not say what they hold. Application code parses them with a zod
// schema (parseRows): a row of another shape is an error here, never a wrong type further
// on. Tests may look at rows as they come (rowsOf).
import type { z } from 'zod';

function rawRows(result: unknown): unknown[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('Unexpected database result: no rows');
  return rows;
}

/** The rows, each checked against `schema`. */
export function parseRows<S extends z.ZodType>(result: unknown, schema: S): z.output<S>[] {
  return rawRows(result).map((row) => schema.parse(row));
}

/** For tests only (ESLint keeps application code to parseRows). */
export function rowsOf<T>(result: unknown): T[] {
  return rawRows(result) as T[];
}
