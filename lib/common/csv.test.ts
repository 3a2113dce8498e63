// Cells a spreadsheet would run as formulas are neutralised; everything else is untouched.
import { describe, expect, it } from 'vitest';
import { toCsvText } from './csv';

const cell = (value: string | number | null, raw = false) =>
  toCsvText([[value]], { rawColumns: raw ? [0] : [] })
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '');

describe('CSV for spreadsheets', () => {
  it('puts an apostrophe before every formula start', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']) {
      const text = cell(`${start}HYPERLINK("http://evil.test","x")`);
      expect(text.replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(text)).toBe(true);
    }
  });

  it('leaves ordinary text, numbers and vouched-for values alone', () => {
    expect(cell('HUBERT')).toBe('HUBERT');
    expect(cell(' =1')).toBe(' =1');
    expect(cell(3)).toBe('3');
    expect(cell(null)).toBe('');
    expect(cell('-+', true)).toBe('-+');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(cell('a;b')).toBe('"a;b"');
    expect(cell('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(cell('=1;2')).toBe(`"'=1;2"`);
  });

  it('writes a BOM, « ; » and CRLF, and an empty row as an empty line', () => {
    const text = toCsvText([['a', 'b'], [], ['c', 1]]);
    expect(text).toBe('\uFEFFa;b\r\n\r\nc;1\r\n');
  });
});
