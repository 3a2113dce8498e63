// Offline guard on the dependencies whose advisories matter most here, for machines where
// `npm audit` cannot reach its endpoint: the installed versions must be at least the
// releases that fixed the known middleware/proxy-bypass and session advisories.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function installed(name: string): string {
  const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

function atLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

describe('dependency versions', () => {
  it('compares versions', () => {
    expect(atLeast('16.4.6', '16.2.11')).toBe(true);
    expect(atLeast('16.2.10', '16.2.11')).toBe(false);
    expect(atLeast('15.9.0', '16.2.11')).toBe(false);
  });

  it('Next.js includes the fixes of the middleware/proxy bypass advisories (GHSA-f82v-jwr5-mffw, GHSA-492v-c6pp-mqqv, GHSA-26hh-7cqf-hhc6, GHSA-6gpp-xcg3-4w24)', () => {
    expect(atLeast(installed('next'), '16.2.11'), installed('next')).toBe(true);
  });

  it('next-auth is a maintained 4.24 release', () => {
    expect(atLeast(installed('next-auth'), '4.24.12'), installed('next-auth')).toBe(true);
  });
});
