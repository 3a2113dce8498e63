import { describe, expect, it } from 'vitest';
import { MAX_PT, MIN_PT, syntheseTypeSize } from './type-size';

describe('syntheseTypeSize', () => {
  it('never prints below 8 pt, however large the class', () => {
    expect(syntheseTypeSize(200, 21)).toBe(MIN_PT);
    expect(syntheseTypeSize(39, 40)).toBe(MIN_PT);
  });

  it('prints larger when there are fewer pupils or fewer competences, up to 11 pt', () => {
    const tleSn = syntheseTypeSize(39, 21);
    const small = syntheseTypeSize(24, 21);
    const ciel = syntheseTypeSize(24, 9);
    expect(tleSn).toBeGreaterThanOrEqual(MIN_PT);
    expect(small).toBeGreaterThan(tleSn);
    expect(ciel).toBeGreaterThan(small);
    expect(syntheseTypeSize(5, 3)).toBe(MAX_PT);
  });
});
