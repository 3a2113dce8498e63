// The one order of a pupil's bilans — by date, then creation time, then id, so that two
// bilans of the same day always come in the same order — used by the page, the PDFs and
// their cache keys (lib/impression/sujets.ts) and the class trace. `latest` reverses it
// (with `distinct on`, the first row is then the latest bilan).
import { sql, type SQL } from 'drizzle-orm';

export function bilanOrder(alias: string, direction: 'oldest' | 'latest' = 'oldest'): SQL {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`alias SQL invalide : ${alias}`);
  const dir = direction === 'latest' ? ' desc' : '';
  return sql.raw(`${alias}.date${dir}, ${alias}.cree_le${dir}, ${alias}.id${dir}`);
}
