import { describe, expect, it } from 'vitest';
import { formatDateFr, formatDateTimeFr, parseIsoDate, schoolYearOf, todayInParis } from './dates';

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
  it('reads only real calendar days the database holds', () => {
    expect(parseIsoDate('2016-06-01')).toBe('2016-06-01');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of [
      '2016-02-30',
      '2023-02-29',
      '0000-01-01', // no year 0: PostgreSQL refuses it
      '0001-01-01',
      '1899-12-31',
      '3000-01-01',
      '2016-6-1',
      '01/06/2016',
      "2016-06-01' or 1=1",
      '2016-06-01\u0000',
      '',
      null,
      20160601,
    ]) {
      expect(parseIsoDate(bad), String(bad)).toBeNull();
    }
  });

  it('gives today in Paris, not in UTC', () => {
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
