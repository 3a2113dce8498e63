// The NUL character (U+0000) is text no database column can hold (PostgreSQL refuses it: a
// 500 where a French answer was due). Wherever text enters — JSON bodies, CSV cells, form
// fields — it is refused here, the field named, before anything is written.

export const NUL_MESSAGE = 'Caractère nul (U+0000) interdit.';

export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** The paths (`notes.0.libelle`) of every key or string of a parsed JSON value holding NUL. */
export function nulPaths(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (hasNul(value)) found.push(path.join('.') || '(corps)');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, [...path, String(i)], found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasNul(key)) found.push([...path, key.replaceAll('\u0000', '\\0')].join('.'));
      nulPaths(item, [...path, key], found);
    }
  }
  return found;
}
