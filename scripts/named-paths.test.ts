// Every path the docs and the code's comments name exists: a reader who follows one never
// lands on a file that was moved or removed (the issue found comments naming files gone).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOP = ['app', 'lib', 'e2e', 'drizzle', 'scripts', 'bench', 'deploy', 'docs', 'types'];
// A path starting at a top folder (`lib/db/client.ts`, `docs/securite.md`, `lib/ui/`), as it is
// written: up to a character no path of ours has; a placeholder (<kind>, …, *) makes it no
// path to check, and a word such as `lib/pdf` without an extension or a slash is no path.
const TOKEN = new RegExp(String.raw`(?<![\w./@-])(?:${TOP.join('|')})/[\w()[\].\-/<>*…]+`, 'g');

function namedPaths(text: string): string[] {
  return [...text.matchAll(TOKEN)]
    .map((m) => m[0].replace(/[.,)]+$/, ''))
    .filter((p) => !/[<>*…]/.test(p) && (/\.[a-z]{1,4}$/.test(p) || p.endsWith('/')));
}

function files(dir: string, extensions: RegExp, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', '.data', 'dist', '.git', 'test-results'].includes(entry.name))
      continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files(full, extensions, found);
    else if (extensions.test(entry.name)) found.push(full);
  }
  return found;
}

/** The comments of a source file (line comments and blocks), or a document's whole text. */
function prose(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.md')) return text;
  return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0]).join('\n');
}

describe('paths named in the docs and comments', () => {
  it('all exist', () => {
    const sources = [
      ...files(ROOT, /\.(md)$/).filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`)),
      ...TOP.filter((d) => fs.existsSync(path.join(ROOT, d))).flatMap((d) =>
        files(path.join(ROOT, d), /\.(ts|tsx|mjs|cjs)$/),
      ),
    ];
    const missing: string[] = [];
    for (const file of sources) {
      for (const named of namedPaths(prose(file))) {
        // Relative to the document (docs link each other), or to the repository's root.
        const candidates = [path.join(ROOT, named), path.join(path.dirname(file), named)];
        if (!candidates.some((c) => fs.existsSync(c)))
          missing.push(`${path.relative(ROOT, file)} → ${named}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
