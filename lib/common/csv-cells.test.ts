// Cells a spreadsheet would run as formulas are neutralised; everything else is untouched.
import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cells';

describe('csvCell', () => {
  it('puts an apostrophe before every formula start', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']) {
      const cell = csvCell(`${start}HYPERLINK("http://evil.test","x")`);
      expect(cell.replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(cell)).toBe(true);
    }
  });

  it('leaves ordinary text, numbers and vouched-for values alone', () => {
    expect(csvCell('HUBERT')).toBe('HUBERT');
    expect(csvCell(' =1')).toBe(' =1');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(csvCell('-+', { raw: true })).toBe('-+');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvCell('=1;2')).toBe(`"'=1;2"`);
  });
});
