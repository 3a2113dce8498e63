// Logs and metrics name routes by pattern: no pupil id, no source, no query string, and a
// bounded set of labels whatever paths are asked for.
import { describe, expect, it } from 'vitest';
import { routePattern } from './routes';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('routePattern', () => {
  it('replaces ids and drops query strings', () => {
    expect(routePattern(`/bilans/${ID}/${ID}?classe=${ID}`)).toBe('/bilans/:id/:id');
    expect(routePattern(`/bilans/${ID.toUpperCase()}/${ID}/pdf`)).toBe('/bilans/:id/:id/pdf');
    expect(routePattern(`/classes/${ID}/synthese/csv`)).toBe('/classes/:id/synthese/csv');
    expect(routePattern('/api/alimentation/v1/bilans/tdb:2026:HUBERT')).toBe(
      '/api/alimentation/v1/bilans/:source',
    );
    expect(routePattern(`/administration/siecle/${ID}/application`)).toBe(
      '/administration/siecle/:id/application',
    );
    expect(routePattern('/_next/static/chunks/abc.js')).toBe('/_next/*');
    expect(routePattern('/api/pronote/v1/bilans?periode=courante')).toBe('/api/pronote/v1/bilans');
  });

  it('gives every unknown path one label', () => {
    for (const path of [
      '/HUBERT-Angie',
      '/bilans/pas-un-id',
      '/wp-admin',
      `/bilans/${ID}/x`,
      '/%2e%2e/etc/passwd',
    ])
      expect(routePattern(path), path).toBe('(autre)');
  });
});
