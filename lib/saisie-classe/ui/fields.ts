// The grid's levels as one short text (`C01=+;C03=NE`, codes sorted, cleared ones left out):
// how a row's levels are compared — the form's `avant:` field (an untouched row writes
// nothing), the browser's kept rows. Pure, for the server and the browser.
export function levelsKey(niveaux: Record<string, string | null | undefined>): string {
  return Object.entries(niveaux)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, niveau]) => `${code}=${niveau}`)
    .join(';');
}

/** The inverse of levelsKey. */
export function parseLevelsKey(key: string): Record<string, string> {
  const niveaux: Record<string, string> = {};
  for (const part of key.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) niveaux[part.slice(0, at)] = part.slice(at + 1);
  }
  return niveaux;
}
