// Rows of a raw `db.execute()` result: both drivers answer `{ rows }`, but Drizzle's
// driver-neutral type does not say so.
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('Unexpected database result: no rows');
  return rows as T[];
}
