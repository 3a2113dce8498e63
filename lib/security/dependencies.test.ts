// Offline guard on the dependencies whose advisories matter most here, for machines where
// `npm audit` cannot reach its endpoint (the registry here answers 405). Two checks that can
// each fail: package.json itself must not allow a release older than the one that fixed the
// known advisories (a loosened range is caught here, before any install), and what is
// installed must be what package.json asks for.
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function installed(name: string): string {
  const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The releases that fixed the advisories this module cares about. */
const FLOORS: Record<string, { floor: string; why: string }> = {
  next: {
    floor: '16.2.11',
    why: 'middleware/proxy bypass (GHSA-f82v-jwr5-mffw, GHSA-492v-c6pp-mqqv, GHSA-26hh-7cqf-hhc6, GHSA-6gpp-xcg3-4w24)',
  },
  'next-auth': { floor: '4.24.12', why: 'a maintained 4.24 release (session advisories)' },
};

describe('dependency versions', () => {
  it('the floor check fails for a range that allows an older release', () => {
    const allows = (range: string, floor: string) => semver.lt(semver.minVersion(range)!, floor);
    expect(allows('^16.0.0', '16.2.11')).toBe(true);
    expect(allows('^16.4.6', '16.2.11')).toBe(false);
    expect(allows('>=15', '16.2.11')).toBe(true);
  });

  for (const [name, { floor, why }] of Object.entries(FLOORS)) {
    it(`package.json never allows a ${name} older than ${floor}: ${why}`, () => {
      const range = manifest.dependencies[name] ?? manifest.devDependencies[name];
      expect(range, name).toBeDefined();
      expect(semver.minVersion(range!)!.version, `${name} ${range}`).not.toSatisfy((v: string) =>
        semver.lt(v, floor),
      );
    });

    it(`the installed ${name} is the one package.json asks for`, () => {
      const range = manifest.dependencies[name] ?? manifest.devDependencies[name];
      expect(semver.satisfies(installed(name), range!), `${installed(name)} ∉ ${range}`).toBe(true);
    });
  }
});
