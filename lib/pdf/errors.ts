// What can go wrong when printing, each with the French message the teacher reads.

export class PdfBusyError extends Error {
  readonly retryAfterSeconds = 10;
  constructor() {
    super('Le service PDF est très sollicité en ce moment. Réessayez dans quelques secondes.');
    this.name = 'PdfBusyError';
  }
}

export class PdfTimeoutError extends Error {
  constructor(seconds: number) {
    super(`La production du PDF a dépassé ${seconds} secondes. Réessayez dans un instant.`);
    this.name = 'PdfTimeoutError';
  }
}
