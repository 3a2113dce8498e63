// Compiles one of our TypeScript programs (a command-line script, the server) into a
// single ES module under dist/, with esbuild, when it is missing or older than the sources.
// Dependencies stay in node_modules, resolved by Node.js at run time; the modules that must
// not reach a browser (`server-only`) get their server build, as in Next.js's server
// bundles. Used by scripts/cli.mjs (every package.json script) and scripts/start.ts.
import fs from 'node:fs';
import path from 'node:path';

/** What a compiled program may depend on: when one of them is newer, it is compiled again. */
const SOURCES = [
  'scripts',
  'lib',
  'drizzle',
  'instrumentation.ts',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/**
 * Compiles `root/entry` (.ts) to `outfile` unless it is newer than every source; returns it.
 * `external`: the only packages left to node_modules (the rest is bundled in); by default
 * every package stays in node_modules.
 */
export async function compile(root, entry, outfile, options = {}) {
  const built = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > sources) return outfile;
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // node_modules stay where they are, as Node.js resolves them at run time — or, for a
    // program that must run without them (the server in the image), all but `external`.
    ...(options.external ? { external: options.external } : { packages: 'external' }),
    alias: { '@': root },
    tsconfig: path.join(root, 'tsconfig.json'),
    // Bundled CommonJS-style code still finds `require`.
    banner: {
      js: "import { createRequire as __cproCreateRequire } from 'node:module'; const require = __cproCreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'server-only',
        setup(build) {
          // The server build of `server-only` (what `--conditions=react-server` selects).
          build.onResolve({ filter: /^server-only$/ }, () => ({
            path: path.join(root, 'node_modules', 'server-only', 'empty.js'),
          }));
        },
      },
    ],
    logLevel: 'warning',
  });
  return outfile;
}
