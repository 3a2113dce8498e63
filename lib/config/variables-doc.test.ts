// docs/configuration.md and .env.example list exactly the variables of the schema, and say
// what each variable's documentation says, beside its schema (`npm run docs:configuration`
// rewrites them).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from './env';
import { documentedVariables } from './variables-doc';
import { configurationFiles } from './variables-doc-files';

const keys = Object.keys(envSchema.shape).sort();

describe('configuration documentation', () => {
  it('documents every variable of the schema, and only those', () => {
    expect(
      documentedVariables()
        .map(([name]) => name)
        .sort(),
    ).toEqual(keys);
    const page = fs.readFileSync('docs/configuration.md', 'utf8');
    expect([...page.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]).sort()).toEqual(keys);
    const example = fs.readFileSync('.env.example', 'utf8');
    expect([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort()).toEqual(keys);
  });

  it('is up to date (npm run docs:configuration)', async () => {
    for (const [file, text] of Object.entries(await configurationFiles())) {
      expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
    }
  });
});
