// The module's CSV files as French spreadsheets read them — UTF-8 with a BOM, « ; »
// separators, CRLF — written by csv-stringify, with one rule of ours in its `cast`: a text
// cell that begins with what Excel, LibreOffice or Google Sheets would take for the start of
// a formula (OWASP « CSV injection »: « = », « + », « - », « @ », a tab, a carriage return,
// their full-width forms, or a line feed) is prefixed with an apostrophe, what spreadsheets
// themselves use to say « this is text ». Columns the caller vouches for (a closed set of
// values, such as the level symbols) are written as they are.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export type CsvValue = string | number | null;

/** A text cell made safe for spreadsheets (exported for its test). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The CSV of `rows` (the first is usually the header). `rawColumns`: indexes whose values
 * are written as they are. An empty array is an empty line.
 */
export function toCsvText(
  rows: readonly (readonly CsvValue[])[],
  options: { rawColumns?: readonly number[] } = {},
): string {
  const raw = new Set(options.rawColumns ?? []);
  return stringify(
    rows.map((row) => [...row]),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      cast: {
        string: (value, context) =>
          context.column !== undefined && raw.has(Number(context.column))
            ? value
            : neutralizeFormula(value),
      },
    },
  );
}
