import { describe, expect, it } from 'vitest';
import { periodeCourte, periodeOf, periodesOfYear } from './periodes';

const periodes = [
  { libelle: 'Trimestre 2', debut: '2026-12-01', fin: '2027-02-28' },
  { libelle: 'Trimestre 1', debut: '2026-09-01', fin: '2026-11-30' },
  { libelle: 'Semestre 1', debut: '2015-09-01', fin: '2016-01-31' },
  { libelle: 'Période de stage', debut: '2027-03-01', fin: '2027-04-15' },
];

describe('periods', () => {
  it('say their short name, or their own', () => {
    expect(periodeCourte('Trimestre 1')).toBe('T1');
    expect(periodeCourte('semestre 2')).toBe('S2');
    expect(periodeCourte('Période de stage')).toBe('Période de stage');
  });

  it('name the period of a date, bounds included, or none', () => {
    expect(periodeOf('2026-11-30', periodes)).toBe('T1');
    expect(periodeOf('2026-12-01', periodes)).toBe('T2');
    expect(periodeOf('2016-01-31', periodes)).toBe('S1');
    expect(periodeOf('2026-08-15', periodes)).toBeNull();
  });

  it("list a school year's periods in order", () => {
    expect(periodesOfYear(periodes, '2026-2027').map((p) => p.libelle)).toEqual([
      'Trimestre 1',
      'Trimestre 2',
      'Période de stage',
    ]);
  });
});
