// The progress of long prints as the waiting page reads it: under way with its count, a
// failure said once and forgotten after a minute, nothing once printed (the cache answers).
import { describe, expect, it } from 'vitest';
import { PrintProgress } from './print-progress';

describe('PrintProgress', () => {
  it('follows a print: started, pupils printed of how many, then nothing (ready in the cache)', () => {
    const progress = new PrintProgress();
    expect(progress.take('k')).toBeNull();
    progress.started('k');
    expect(progress.take('k')).toEqual({ etat: 'en-cours', faits: 0, total: null });
    progress.advanced('k', 8, 30);
    expect(progress.take('k')).toEqual({ etat: 'en-cours', faits: 8, total: 30 });
    // Another print's news never lands on this one.
    progress.advanced('autre', 3, 4);
    expect(progress.take('autre')).toBeNull();
    progress.finished('k');
    expect(progress.take('k')).toBeNull();
  });

  it('says a failure once, within a minute; a new start forgets it', () => {
    let now = 0;
    const progress = new PrintProgress(() => now);
    progress.started('k');
    progress.failedWith('k', 'Service occupé.', 10);
    expect(progress.take('k')).toEqual({
      etat: 'erreur',
      message: 'Service occupé.',
      retryAfterSeconds: 10,
    });
    expect(progress.take('k')).toBeNull();
    progress.failedWith('k', 'Encore.', null);
    now = 61_000;
    expect(progress.take('k')).toBeNull();
    progress.failedWith('k', 'Encore.', null);
    progress.started('k');
    expect(progress.take('k')).toEqual({ etat: 'en-cours', faits: 0, total: null });
  });
});
