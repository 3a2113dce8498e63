// The running header of a pupil's printed pages: the bilan's term, or « année précédente »
// for a bilan of a school year before the class's (June's levels are not this year's).
import { describe, expect, it } from 'vitest';
import { pupilRunningHeader } from './running-header';

describe('pupil running header', () => {
  const parts = { apprenant: 'DUPONT Léa', classeNom: 'Tle CIEL', anneeScolaire: '2026-2027' };

  it('names this year’s bilan with its term', () => {
    expect(pupilRunningHeader({ ...parts, date: '2026-11-17', periode: 'T1' })).toBe(
      'DUPONT Léa · Tle CIEL 2026-2027 · bilan du 17/11/2026 (T1)',
    );
  });

  it('says a bilan of last year is of last year', () => {
    expect(pupilRunningHeader({ ...parts, date: '2026-06-15', periode: 'T3' })).toBe(
      'DUPONT Léa · Tle CIEL 2026-2027 · bilan du 15/06/2026 (année précédente)',
    );
  });
});
