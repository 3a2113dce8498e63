// How the class document is cut into prints: part 0 is the cover (the pupil list), then
// PUPILS_PER_PART pupils' bilans per part. Chromium's memory grows with the pages of one
// print (a 30-pupil class in one go: ≈ 1.2 GiB of PSS), so the document is printed a few
// pupils at a time on the same page and joined (lib/pdf/merge.ts). Shared by the print job
// (lib/impression/documents/derniers-bilans/descriptor.tsx) and the print page, which must agree on the cut.

import 'server-only';
/** Measured with bench/pdf-load.ts: see bench/README.md. */
export const PUPILS_PER_PART = 8;

export interface ClassPart {
  part: number;
  parts: number;
}

/** Cover + enough parts for every pupil with a bilan. */
export function classPartCount(pupilsWithBilan: number): number {
  return 1 + Math.max(0, Math.ceil(pupilsWithBilan / PUPILS_PER_PART));
}

/**
 * The pupils a part prints. The last part takes everyone left, so that a bilan added
 * between the count and the print is not dropped.
 */
export function pupilsOfPart<T>(pupils: T[], { part, parts }: ClassPart): T[] {
  if (part < 1) return [];
  const start = (part - 1) * PUPILS_PER_PART;
  return part === parts - 1 ? pupils.slice(start) : pupils.slice(start, start + PUPILS_PER_PART);
}

/** `partie=2/6` of the print page's URL (also what its token names); null when malformed. */
export function parseClassPart(raw: unknown): ClassPart | null {
  if (typeof raw !== 'string') return null;
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(raw);
  if (!match) return null;
  const part = Number(match[1]);
  const parts = Number(match[2]);
  return parts >= 1 && part < parts ? { part, parts } : null;
}

export function formatClassPart({ part, parts }: ClassPart): string {
  return `${part}/${parts}`;
}
