// The parameters a document's request may carry, as zod schemas: each descriptor reads its
// path ids and query with them (documents/), so that a malformed id, date or part is a 404
// before anything is read, and ids have one spelling (lower case) everywhere after.
import 'server-only';
import { z } from 'zod';
import { normalizeUuid } from '@/lib/common/ids';
import { parseIsoDate } from '@/lib/common/dates';
import { parseClassPart } from './classe/class-parts';

/** An id of the path: a UUID, lower-cased. */
export const idParam = z.string().transform((value, context) => {
  const id = normalizeUuid(value);
  if (!id) context.addIssue({ code: 'custom', message: 'identifiant invalide' });
  return id ?? z.NEVER;
});

/** `AAAA-MM-JJ`: a real day the database holds. */
export const dateParam = z.string().transform((value, context) => {
  const date = parseIsoDate(value);
  if (!date) context.addIssue({ code: 'custom', message: 'date invalide' });
  return date ?? z.NEVER;
});

/** `partie=2/6` of the class documents' print pages. */
export const partParam = z.string().transform((value, context) => {
  const part = parseClassPart(value);
  if (!part) context.addIssue({ code: 'custom', message: 'partie invalide' });
  return part ?? z.NEVER;
});

/** `pages=2,4,7` of a cover: each section's first page. */
export const pagesParam = z
  .string()
  .regex(/^\d{1,4}(,\d{1,4}){0,499}$/)
  .transform((value) => value.split(',').map(Number));

/** A flag given as `1`. */
export const flagParam = z.literal('1').transform(() => true);

/**
 * The query's parameters as one object for a zod schema: each name given once (a repeated
 * parameter makes the request invalid), unknown names left out.
 */
export function queryObject(
  query: URLSearchParams,
  names: readonly string[],
): Record<string, string> | null {
  const object: Record<string, string> = {};
  for (const name of names) {
    const values = query.getAll(name);
    if (values.length > 1) return null;
    if (values.length === 1) object[name] = values[0]!;
  }
  return object;
}
