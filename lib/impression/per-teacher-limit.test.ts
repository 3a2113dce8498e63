import { describe, expect, it } from 'vitest';
import { PdfTeacherLimitError, PerTeacherLimit } from './per-teacher-limit';

describe('PerTeacherLimit', () => {
  it('lets a teacher have two jobs at once, refuses the third, and frees the slots after', async () => {
    const limit = new PerTeacherLimit(2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = limit.run('a', () => gate);
    const second = limit.run('a', () => gate);
    await expect(limit.run('a', async () => 'x')).rejects.toBeInstanceOf(PdfTeacherLimitError);
    // Another teacher is not affected.
    await expect(limit.run('b', async () => 'b')).resolves.toBe('b');
    release();
    await Promise.all([first, second]);
    await expect(limit.run('a', async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot of a failed job', async () => {
    const limit = new PerTeacherLimit(1);
    await expect(limit.run('a', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limit.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
