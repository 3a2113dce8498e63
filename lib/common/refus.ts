// A file or a form refused as a whole (the administration's imports, every form of the module): its French message names the
// problem, and nothing is written. Pages show the message (beside the field it concerns, when
// it concerns one); scripts print it and exit 1.

export class Refus extends Error {
  constructor(
    message: string,
    /** The form field the problem is about (`libelle`, `debut`…), when it is one. */
    readonly champ?: string,
    /** Other fields' problems, by field name (several choices left unanswered). */
    readonly autresChamps: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Refus';
  }
}

export function isRefus(error: unknown): error is Refus {
  return error instanceof Refus;
}
