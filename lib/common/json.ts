// JSON read from a request (the write API's bilan, each line of a batch): its nesting is
// measured first, in one linear pass that skips strings, and refused past a depth no valid
// document reaches — V8 parses a 10 MB `[[[[…` in 2 s, a flat document of that size in 50 ms.

/** The deepest nesting of arrays and objects in `text` (strings skipped), stopping past `max`. */
export function jsonDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export class JsonTooDeepError extends Error {
  constructor(readonly max: number) {
    super(`Le JSON imbrique plus de ${max} niveaux de tableaux ou d’objets.`);
    this.name = 'JsonTooDeepError';
  }
}

/** JSON.parse, after refusing a nesting deeper than `maxDepth` (a JsonTooDeepError). */
export function parseJsonWithin(text: string, maxDepth: number): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) throw new JsonTooDeepError(maxDepth);
  return JSON.parse(text) as unknown;
}
