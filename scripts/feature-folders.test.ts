// A feature's folder (docs/architecture.md, « A feature's folder ») is held to the layer rules
// only once its name is in `FEATURES` (.dependency-cruiser.cjs) and in ESLint's server-only
// files: a folder of lib/ with a loader (`page.ts`) and components (`ui/`) that is named in
// neither would escape both without a word. This test says so.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIB = path.join(ROOT, 'lib');

/** The folders of lib/ shaped as a feature: its own loader and components. */
function featureFolders(): string[] {
  return fs
    .readdirSync(LIB, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'ui')
    .map((d) => d.name)
    .filter(
      (name) =>
        fs.existsSync(path.join(LIB, name, 'page.ts')) && fs.existsSync(path.join(LIB, name, 'ui')),
    )
    .sort();
}

/** The names of `FEATURES = '(a|b)'` in the dependency rules. */
function namedInRules(): string[] {
  const text = fs.readFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), 'utf8');
  const match = /const FEATURES = '\(([a-z|-]+)\)';/.exec(text);
  expect(match, 'FEATURES in .dependency-cruiser.cjs').not.toBeNull();
  return match![1]!.split('|').sort();
}

/** The names of `lib/{a,b}/…` in ESLint's server-only files, every such glob alike. */
function namedInEslint(): string[][] {
  const text = fs.readFileSync(path.join(ROOT, 'eslint.config.mjs'), 'utf8');
  return [...text.matchAll(/'lib\/\{([a-z,-]+)\}\//g)].map((m) => m[1]!.split(',').sort());
}

describe('feature folders', () => {
  it('are each named in the dependency rules and in the server-only lint, and only they', () => {
    const folders = featureFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(namedInRules()).toEqual(folders);
    const globs = namedInEslint();
    expect(globs.length).toBeGreaterThan(0);
    for (const names of globs) expect(names).toEqual(folders);
  });
});
