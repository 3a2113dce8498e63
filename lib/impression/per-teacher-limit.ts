// At most `limit` jobs at once per teacher: one teacher looping on PDF requests gets a
// French 429 past their share instead of occupying the printer that the others need.
// Per process (each instance counts its own jobs).
import 'server-only';
import { AppError } from '@/lib/http/app-error';
import { metrics } from '@/lib/observability/registry';

export class PerTeacherLimit {
  private readonly running = new Map<string, number>();

  constructor(readonly limit: number) {}

  async run<T>(teacherId: string, job: () => Promise<T>): Promise<T> {
    const count = this.running.get(teacherId) ?? 0;
    if (count >= this.limit) {
      metrics().pdfRefused.inc({ reason: 'enseignant' });
      throw new PdfTeacherLimitError(this.limit);
    }
    this.running.set(teacherId, count + 1);
    try {
      return await job();
    } finally {
      const left = (this.running.get(teacherId) ?? 1) - 1;
      if (left > 0) this.running.set(teacherId, left);
      else this.running.delete(teacherId);
    }
  }
}

export class PdfTeacherLimitError extends AppError {
  constructor(limit: number) {
    super(
      'too_many_requests',
      `Vous avez déjà ${limit} PDF en cours de préparation : attendez qu'ils soient prêts, puis réessayez.`,
      { title: 'PDF déjà en préparation', retryAfterSeconds: 5 },
    );
    this.name = 'PdfTeacherLimitError';
  }
}
