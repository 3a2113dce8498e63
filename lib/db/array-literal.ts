// A PostgreSQL array literal, sent as ONE parameter and cast in SQL (`${arrayLiteral(ids)}::uuid[]`):
// Drizzle would expand a JS array into one parameter per element, and PGlite cannot send an
// array of an enum itself. Elements are quoted whenever they must be, so any text is safe.
/** An element that needs no quotes: none of `" \ { } ,` or blanks. */
const PLAIN = /^[^"\\{},\s]+$/;

/** `{a,"b c",NULL}`: null elements as NULL, the others quoted when needed. */
export function arrayLiteral(values: readonly (string | null)[]): string {
  const elements = values.map((value) => {
    if (value === null) return 'NULL';
    // A bare NULL (any case) would read as the null value; an empty element is an error.
    if (PLAIN.test(value) && value.toUpperCase() !== 'NULL') return value;
    return `"${value.replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${elements.join(',')}}`;
}
