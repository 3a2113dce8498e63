import { describe, expect, it } from 'vitest';
import {
  PUPILS_PER_PART,
  classPartCount,
  formatClassPart,
  parseClassPart,
  pupilsOfPart,
} from './class-parts';

describe('class document parts', () => {
  it('prints every pupil exactly once, in order, after the cover', () => {
    for (const n of [0, 1, PUPILS_PER_PART, PUPILS_PER_PART + 1, 29, 30, 61]) {
      const pupils = Array.from({ length: n }, (_, i) => i);
      const parts = classPartCount(n);
      const printed = Array.from({ length: parts }, (_, part) =>
        pupilsOfPart(pupils, { part, parts }),
      );
      expect(printed[0]).toEqual([]);
      expect(printed.flat()).toEqual(pupils);
      for (const slice of printed) expect(slice.length).toBeLessThanOrEqual(PUPILS_PER_PART);
    }
  });

  it('puts pupils added after the count into the last part', () => {
    const pupils = Array.from({ length: 2 * PUPILS_PER_PART + 1 }, (_, i) => i);
    const parts = classPartCount(2 * PUPILS_PER_PART);
    expect(pupilsOfPart(pupils, { part: parts - 1, parts })).toContain(2 * PUPILS_PER_PART);
  });

  it('reads only well-formed part names', () => {
    expect(parseClassPart('2/6')).toEqual({ part: 2, parts: 6 });
    expect(parseClassPart(formatClassPart({ part: 0, parts: 1 }))).toEqual({ part: 0, parts: 1 });
    for (const bad of [
      '6/6',
      '1/0',
      '-1/3',
      '1/3/4',
      ' 1/3',
      '1/3\n',
      '',
      undefined,
      ['1/3'],
      '1e3/5',
    ])
      expect(parseClassPart(bad)).toBeNull();
  });
});
