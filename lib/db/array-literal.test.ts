// The array literal quotes exactly what PostgreSQL would misread (a round trip through both
// drivers is in insert-rows.test.ts).
import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './array-literal';

describe('arrayLiteral', () => {
  it('quotes what must be, and only that', () => {
    expect(arrayLiteral(['a', 'NE', '-+', '12.50', null])).toBe('{a,NE,-+,12.50,NULL}');
    expect(arrayLiteral(['a"b', 'c,d', '{e}', 'f\\g', 'NULL', 'nUlL', '', ' x'])).toBe(
      '{"a\\"b","c,d","{e}","f\\\\g","NULL","nUlL",""," x"}',
    );
    expect(arrayLiteral([])).toBe('{}');
  });
});
