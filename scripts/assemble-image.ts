// `node scripts/cli.mjs assemble-image <dossier>`: what the image runs, gathered in one
// folder after `npm run build` — Next.js's standalone output (the app's compiled server
// chunks and only the node_modules they use), its static files, our compiled server
// (dist/server.mjs → server.mjs), the migrations, the two worker scripts the server loads
// by path and the operators' programs (cli/), compiled with what they use. No TypeScript source, no test:
// deploy/Dockerfile copies this folder as is, and e2e/image.spec.ts starts a server from it.
import fs from 'node:fs';
import path from 'node:path';
import { compile } from './compile.mjs';

const ROOT = process.cwd();

/**
 * The scripts the server loads by path at run time (outside Next.js's bundles): each one
 * compiled with its dependencies (bcryptjs; React and Nivo), at the same path.
 */
export const WORKER_SCRIPTS = [
  'lib/auth/ways/password/password-worker.mjs',
  'lib/ui/radar/render-svg.mjs',
];

/** What the running server reads besides its bundles (paths from the repository's root). */
export const RUNTIME_FILES = [
  'drizzle/meta/_journal.json',
  // Read by playwright-core when it loads; Next.js's file tracing misses it.
  'node_modules/playwright-core/browsers.json',
];

/**
 * The operators' programs (package.json's scripts) the image carries as cli/<name>.mjs,
 * each one file with its dependencies but PGlite (its wasm files stay in node_modules).
 */
export const OPERATOR_PROGRAMS = [
  'db-migrate',
  'db-roles',
  'db-seed',
  'pronote-token',
  'trace-purge',
  'ent-link',
  'admin-create',
  'import-siecle',
  'alimentation-token',
  'import-bilans',
  'db-backup',
  'db-restore',
];

export async function assembleImage(target: string, root = ROOT): Promise<void> {
  const standalone = path.join(root, '.next', 'standalone');
  if (
    !fs.existsSync(path.join(standalone, '.next')) ||
    !fs.existsSync(path.join(root, 'dist', 'server.mjs'))
  ) {
    throw new Error('Construisez d’abord l’application : npm run build.');
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(standalone, 'node_modules'), path.join(target, 'node_modules'), {
    recursive: true,
  });
  // Next.js links its external packages from .next/node_modules: relative links, kept so.
  fs.cpSync(path.join(standalone, '.next'), path.join(target, '.next'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  fs.cpSync(path.join(root, '.next', 'static'), path.join(target, '.next', 'static'), {
    recursive: true,
  });
  fs.copyFileSync(path.join(root, 'dist', 'server.mjs'), path.join(target, 'server.mjs'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(target, 'package.json'));
  const migrations = fs.readdirSync(path.join(root, 'drizzle')).filter((f) => f.endsWith('.sql'));
  for (const file of [...RUNTIME_FILES, ...migrations.map((f) => `drizzle/${f}`)]) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(target, file));
  }
  for (const script of WORKER_SCRIPTS) {
    await compile(root, script, path.join(target, script), { external: [] });
  }
  for (const program of OPERATOR_PROGRAMS) {
    await compile(root, `scripts/${program}.ts`, path.join(target, 'cli', `${program}.mjs`), {
      external: ['@electric-sql/pglite', 'pg-native'],
    });
  }
}

const isMain = process.argv[1]?.endsWith('assemble-image.mjs');
if (isMain) {
  const target = process.argv[2];
  if (!target) {
    console.error('[cpro] Usage : node scripts/cli.mjs assemble-image <dossier>');
    process.exit(2);
  }
  await assembleImage(path.resolve(target));
  console.log(`[cpro] Image assemblée dans ${path.resolve(target)}`);
}
