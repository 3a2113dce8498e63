// What can go wrong when printing, each an AppError (lib/http/app-error.ts) carrying the
// French message the teacher reads, its status and when to try again.
import { AppError } from '@/lib/http/app-error';

export class PdfBusyError extends AppError {
  /** `retryAfterSeconds`: when the work ahead should be done (the queue's estimate). */
  constructor(retryAfterSeconds = 10) {
    super(
      'busy',
      'Le service PDF est très sollicité en ce moment. Réessayez dans quelques secondes.',
      { title: 'Service PDF occupé', retryAfterSeconds },
    );
    this.name = 'PdfBusyError';
  }
}

export class PdfTimeoutError extends AppError {
  constructor(seconds: number) {
    super(
      'busy',
      `La production du PDF a dépassé ${seconds} secondes. Réessayez dans un instant.`,
      { title: 'Impression PDF trop longue', retryAfterSeconds: 10 },
    );
    this.name = 'PdfTimeoutError';
  }
}
