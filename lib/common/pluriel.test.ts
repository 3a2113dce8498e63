// Counts read as French: the helper, and no « (s) » left in what the module says to people
// (pages, messages, logs): every count goes through compte().
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compte } from './pluriel';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('counts in French', () => {
  it('says 0 and 1 in the singular, more in the plural', () => {
    expect(compte(0, 'élève', 'élèves')).toBe('0 élève');
    expect(compte(1, 'nouvel apprenant', 'nouveaux apprenants')).toBe('1 nouvel apprenant');
    expect(compte(7, 'nouvel apprenant', 'nouveaux apprenants')).toBe('7 nouveaux apprenants');
  });

  it('leaves no « (s) », « (e)s » or « (le)s » in the module’s words', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const found = [
      ...sources(path.join(root, 'lib')),
      ...sources(path.join(root, 'app')),
      ...sources(path.join(root, 'scripts')),
    ].flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(root, file)}:${i + 1}` }))
        // A lower-case word then « (s) », « (e)s », « (le)s », then text (a space, a letter
        // or punctuation — not the `)` or `;` of code like `nom(e));`): a word with its
        // plural in brackets. camelCase words and short ones are code (`saisieFields(s)`,
        // `nom(e)`).
        .filter(
          ({ line }) =>
            /(?<![\p{L}\d_$])[\p{Ll}]{4,}\((s|e|es|le)\)(?=[s\s<.,:!?»'"`]|$)/u.test(line) &&
            !/^\s*\/\//.test(line),
        )
        .map(({ at }) => at),
    );
    expect(found).toEqual([]);
  });
});
