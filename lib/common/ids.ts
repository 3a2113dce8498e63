// Ids in URLs are UUIDs; anything else is answered 404 before a query is made
// (Postgres would otherwise fail on the cast, and that must never become a 500).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The one spelling of an id (lower case), or null when it is no UUID. Ids from URLs go
 * through here before any lookup, cache key, trace or print URL: `ABC…` and `abc…` name the
 * same row, and must not make two cache entries or a token that names neither.
 */
export function normalizeUuid(value: unknown): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}
