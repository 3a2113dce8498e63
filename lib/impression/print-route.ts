// The address of a document's print page (/impression/<kind>/<ids…>?<query>&jeton=…) and
// what its token names: the ids, then the query's parameters as `name=value`, sorted — so
// that a token opens exactly the page it was drawn for, parameters included.
import type { PrintRoute } from './document';

export function printTokenIds(route: PrintRoute): string[] {
  const query = Object.entries(route.query)
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  return [...route.ids, ...query];
}

export function printPath(kind: string, route: PrintRoute, token: string): string {
  const params = new URLSearchParams({ ...route.query, jeton: token });
  return `/impression/${kind}/${route.ids.map(encodeURIComponent).join('/')}?${params}`;
}
