// Where a long print stands, as the server tells the page waiting for it (producer.ts fills
// it, lib/ui/print-wait/ shows it): under way (pupils printed of how many; `total` unknown
// until the print has started), ready, or failed with its French message; and the waiting
// page's view of it (lib/impression/print-wait.ts fills it).

export type PrintState =
  | { etat: 'pret' }
  | { etat: 'en-cours'; faits: number; total: number | null }
  | { etat: 'erreur'; message: string; retryAfterSeconds: number | null };

export function isPrintState(value: unknown): value is PrintState {
  const etat = (value as { etat?: unknown } | null)?.etat;
  return etat === 'pret' || etat === 'en-cours' || etat === 'erreur';
}

/** A long print as its waiting page shows it. */
export interface LongPrint {
  /** « Dossier du conseil de classe — Tle CIEL — 2026-2027 ». */
  title: string;
  state: PrintState;
  /** The PDF itself (served from the cache once ready). */
  pdfHref: string;
  /** The waiting page (to try again after a failure). */
  pageHref: string;
  /** The waiting page's state, as JSON. */
  stateHref: string;
  /** Where the teacher came from: the class. */
  classeHref: string;
}
