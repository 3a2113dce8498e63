import { describe, expect, it } from 'vitest';
import { formatDateFr, formatDateTimeFr, schoolYearOf, todayInParis } from './dates';

describe('dates', () => {
  it('formats French dates', () => {
    expect(formatDateFr('2016-05-27')).toBe('27/05/2016');
    expect(formatDateTimeFr(new Date('2016-06-19T16:30:00Z'))).toBe('19/06/2016 à 18:30');
  });
  it('knows the school year', () => {
    expect(schoolYearOf('2016-05-27')).toBe('2015-2016');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
  });
  it('gives today in Paris, not in UTC', () => {
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
