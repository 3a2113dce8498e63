// `node scripts/cli.mjs <name> [args]`: runs the command-line program scripts/<name>.ts as
// compiled JavaScript — compiled into dist/cli/<name>.mjs when missing or stale
// (compile.mjs), then run by this same Node.js process: no TypeScript loader at run time.
// Every package.json script that runs our code goes through here.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from './compile.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const [name, ...args] = process.argv.slice(2);
if (
  !name ||
  !/^[a-z][a-z0-9-]*$/.test(name) ||
  !fs.existsSync(path.join(ROOT, 'scripts', `${name}.ts`))
) {
  console.error(`[cpro] Programme inconnu : ${name ?? '(aucun)'} (scripts/<nom>.ts).`);
  process.exit(2);
}
const outfile = await compile(
  ROOT,
  `scripts/${name}.ts`,
  path.join(ROOT, 'dist', 'cli', `${name}.mjs`),
);
// The program reads its own arguments as if it had been started directly.
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
