// A write that was meant to change rows and changed none is an error, never a success: under
// a race (a draft withdrawn meanwhile, a row already validated) the statement finds nothing to
// change, and carrying on would answer « done » for work the database did not do. Writes
// return the rows they touched (`.returning()`, on both drivers) and say how many they expect.
import { compte } from '@/lib/common/pluriel';

export class RowsNotTouchedError extends Error {
  constructor(
    readonly what: string,
    readonly expected: number,
    readonly touched: number,
  ) {
    super(
      `${what} : ${compte(touched, 'ligne touchée', 'lignes touchées')} sur ${compte(expected, 'attendue', 'attendues')}.`,
    );
    this.name = 'RowsNotTouchedError';
  }
}

/** The rows, when there are exactly `expected` of them; otherwise the transaction fails. */
export function expectTouched<T>(rows: readonly T[], expected: number, what: string): T[] {
  if (rows.length !== expected) throw new RowsNotTouchedError(what, expected, rows.length);
  return [...rows];
}
