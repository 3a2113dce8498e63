// What can go wrong when printing, each with the French message the teacher reads.

export class PdfBusyError extends Error {
  readonly retryAfterSeconds = 10;
  constructor() {
    super('Le service PDF est très sollicité en ce moment. Réessayez dans quelques secondes.');
    this.name = 'PdfBusyError';
  }
}

export class PdfTeacherLimitError extends Error {
  readonly retryAfterSeconds = 5;
  constructor(limit: number) {
    super(
      `Vous avez déjà ${limit} PDF en cours de préparation : attendez qu'ils soient prêts, puis réessayez.`,
    );
    this.name = 'PdfTeacherLimitError';
  }
}

export class PdfTimeoutError extends Error {
  constructor(seconds: number) {
    super(`La production du PDF a dépassé ${seconds} secondes. Réessayez dans un instant.`);
    this.name = 'PdfTimeoutError';
  }
}
