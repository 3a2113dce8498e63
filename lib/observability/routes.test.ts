// Logs and metrics name routes by the app's own patterns: every route of app/ is named (none
// falls into « (autre) »), no path's ids, source or query string ever is, and whatever paths
// are asked for, the labels stay a closed list.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OTHER_ROUTE, compileRoutes, routePattern, routePatternsOf } from './routes';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP = compileRoutes(routePatternsOf(path.resolve(import.meta.dirname, '../../app')));
const label = (url: string) => routePattern(url, APP);

describe('routePattern', () => {
  it('names every route of the app by itself, never « (autre) »', () => {
    expect(APP.length).toBeGreaterThan(30);
    for (const { pattern } of APP) {
      const sample = pattern.replace(/\[\.\.\.[^\]]+\]/g, `${ID}/x`).replace(/\[[^\]]+\]/g, ID);
      expect(label(sample), sample).toBe(pattern);
    }
    // The document routes PRONOTE's preparation once missed.
    expect(label(`/classes/${ID}/pronote/pdf`)).toBe('/classes/[classeId]/[document]/pdf');
  });

  it('keeps ids, sources and query strings out of the label', () => {
    expect(label(`/bilans/${ID}/${ID}?classe=${ID}`)).toBe('/bilans/[apprenantId]/[bilanId]');
    expect(label('/api/alimentation/v1/bilans/tdb:2026:HUBERT')).toBe(
      '/api/alimentation/v1/bilans/[source]',
    );
    expect(label('/api/auth/callback/credentials')).toBe('/api/auth/[...nextauth]');
    expect(label('/_next/static/chunks/abc.js')).toBe('/_next/*');
    expect(label('/api/pronote/v1/bilans?periode=courante')).toBe('/api/pronote/v1/bilans');
    expect(label(`/administration/siecle/${ID}`)).toBe('/administration/siecle/[importId]');
  });

  it('gives every unknown path one label', () => {
    for (const unknown of ['/HUBERT-Angie', '/wp-admin', `/bilans/${ID}/x/y/z`, '/api/x'])
      expect(label(unknown), unknown).toBe(OTHER_ROUTE);
  });

  it('stays a closed list whatever paths are asked for', () => {
    const labels = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('bilans', 'classes', 'impression', 'api', 'auth', 'pdf', ID),
            fc.string(),
          ),
          {
            maxLength: 6,
          },
        ),
        (segments) => {
          labels.add(label(`/${segments.map(encodeURIComponent).join('/')}`));
        },
      ),
      { numRuns: 2000 },
    );
    const closed = new Set([...APP.map((r) => r.pattern), OTHER_ROUTE, '/_next/*']);
    for (const l of labels) expect(closed.has(l), l).toBe(true);
  });
});
