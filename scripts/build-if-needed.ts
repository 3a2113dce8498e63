// The production build: `next build` (the app) when there is none or the sources changed
// since, and our server (lib/server/main.ts) compiled to dist/server.mjs (scripts/compile.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compile } from './compile.mjs';

const SOURCES = [
  'app',
  'lib',
  'drizzle',
  'types',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'package-lock.json',
  'postcss.config.mjs',
];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function buildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export function nextBin(root = process.cwd()): string {
  return path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** Where the compiled server is (what `npm start` and the image run). */
export function serverFile(root = process.cwd()): string {
  return path.join(root, 'dist', 'server.mjs');
}

/**
 * Our server compiled, when it is missing or older than its sources (milliseconds): one
 * file with everything but Next.js (and what Next.js itself loads), so that it runs from
 * .next/standalone, whose node_modules hold only what the app uses.
 */
export async function compileServer(root = process.cwd()): Promise<string> {
  return compile(root, 'lib/server/main.ts', serverFile(root), {
    external: ['next', 'next/*', 'react', 'react-dom', 'react/*', 'react-dom/*'],
  });
}

export function build(): void {
  console.log("[cpro] Construction de l'application (next build)…");
  execFileSync(process.execPath, [nextBin(), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

/** The app rebuilt when stale, and the server compiled: what `npm start` runs. */
export async function buildIfNeeded(options: { next: boolean } = { next: true }): Promise<string> {
  if (options.next && buildIsStale()) build();
  return compileServer();
}
