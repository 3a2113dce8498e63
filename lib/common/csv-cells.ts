// One CSV cell, safe to open in a spreadsheet. Quoted when it holds the separator, a quote
// or a line break; and, unless the caller vouches for it (a closed set of values), prefixed
// with an apostrophe when it begins with a character that Excel, LibreOffice or Google
// Sheets would take for the start of a formula (OWASP « CSV injection »): « = », « + »,
// « - », « @ », a tab or a carriage return (and their full-width forms), or a line feed.
// The apostrophe is what spreadsheets themselves use to say « this is text ».

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string | number | null, options: { raw?: boolean } = {}): string {
  let text = value === null ? '' : String(value);
  if (!options.raw && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
