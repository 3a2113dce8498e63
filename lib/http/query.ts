// Query parameters as the pages get them from Next.js (a repeated parameter is an array):
// one reader, so that every page treats an absent, empty or repeated parameter the same way.

/** Next.js's `searchParams` of a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** A parameter given once, as non-empty text; absent, empty or repeated → null. */
export function queryText(params: SearchParams, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The same parameters as a URLSearchParams (a repeated parameter stays repeated). */
export function toSearchParams(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      search.append(name, v);
    }
  }
  return search;
}

/** A parameter of a request's query given exactly once; absent or repeated → null. */
export function onlyParam(search: URLSearchParams, name: string): string | null {
  const values = search.getAll(name);
  return values.length === 1 ? values[0]! : null;
}
