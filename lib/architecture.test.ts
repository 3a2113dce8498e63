// The layers of docs/architecture.md, checked on the source: routes (app/) → use cases
// (lib/pages, lib/impression, lib/pronote…) → data (lib/db), one direction only, and no
// import cycle. A new import that breaks a rule fails here with the file that made it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|mjs)$/;

function sources(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(relative));
    else if (SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(relative);
  }
  return found;
}

/** The project files a module imports (aliases and relative paths resolved, packages left out). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
    const specifier = match[1]!;
    let target: string | null = null;
    if (specifier.startsWith('@/')) target = specifier.slice(2);
    else if (specifier.startsWith('.')) target = path.join(path.dirname(file), specifier);
    if (!target) continue;
    const candidates = ['', '.ts', '.tsx', '.mjs', '/index.ts'].map((ext) => target + ext);
    const resolved = candidates.find((c) => fs.existsSync(path.join(ROOT, c)) && SOURCE.test(c));
    if (resolved) found.push(path.normalize(resolved));
  }
  return found;
}

const files = [...sources('app'), ...sources('lib'), 'proxy.ts', 'instrumentation.ts'];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

function offenders(from: RegExp, to: RegExp): string[] {
  return [...graph]
    .filter(([file]) => from.test(file))
    .flatMap(([file, deps]) => deps.filter((dep) => to.test(dep)).map((dep) => `${file} → ${dep}`));
}

describe('layers', () => {
  it('routes never reach the database directly', () => {
    expect(offenders(/^app\//, /^lib\/db\//)).toEqual([]);
  });

  it('the printer knows URLs and bytes, not bilans, pages or traces', () => {
    expect(
      offenders(/^lib\/pdf\//, /^lib\/(bilans|impression|pages|ui|trace|pronote|auth)\//),
    ).toEqual([]);
  });

  it('the database layer imports neither the seed nor auth', () => {
    expect(offenders(/^lib\/db\//, /^(drizzle\/|lib\/auth\/)/)).toEqual([]);
  });

  it('the foundations (common helpers, config, database, HTTP answers) import no use case', () => {
    expect(
      offenders(
        /^lib\/(common|config|db|http)\//,
        /^lib\/(pages|impression|ui|pronote|bilans|trace)\//,
      ),
    ).toEqual([]);
  });

  it('auth does not depend on the bilans domain', () => {
    expect(offenders(/^lib\/auth\//, /^lib\/bilans\//)).toEqual([]);
  });

  it('components render what they are given: no database, session check or trace', () => {
    expect(offenders(/^lib\/ui\//, /^lib\/(db|pages|trace|impression)\//)).toEqual([]);
  });

  it('reads environment variables only in lib/config/env.ts', () => {
    // instrumentation.ts asks Next.js which runtime it is in; lib/db/testing.ts is test code.
    const allowed = new Set(['lib/config/env.ts', 'lib/db/testing.ts', 'instrumentation.ts']);
    const readers = [...graph.keys()].filter(
      (file) =>
        !allowed.has(file) &&
        fs.readFileSync(path.join(ROOT, file), 'utf8').includes('process.env'),
    );
    expect(readers).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(graph.size).toBeGreaterThan(80); // the scan found the sources
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
