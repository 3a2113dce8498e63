import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it('recognises a stopped, restarting, unreachable or too slow database', () => {
    expect(
      isDatabaseUnavailable(wrapped(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))),
    ).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        wrapped({ code: '57P01', message: 'terminating connection due to administrator command' }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        wrapped({ code: '57014', message: 'canceling statement due to statement timeout' }),
      ),
    ).toBe(true);
  });

  it('leaves bugs and refused writes alone', () => {
    expect(
      isDatabaseUnavailable(wrapped({ code: '42P01', message: 'relation does not exist' })),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(wrapped({ code: '42501', message: 'archive en lecture seule' })),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
