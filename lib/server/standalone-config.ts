// A production server runs with the configuration Next.js saved at build time, handed to it
// as its own standalone server does: in the image (.next/standalone has no next.config.mjs)
// and in the repository alike, so a next.config.mjs edited since the build never half-applies
// (and Next.js does not warn that « next start » ignores `output: 'standalone'`). In
// development, nothing: Next.js reads next.config.mjs. Only our server (main.ts) reads it:
// kept out of the app's modules, whose file accesses Next.js traces into its output.
import fs from 'node:fs';
import path from 'node:path';
import { shareStandaloneNextConfig } from '@/lib/config/env';

export function standaloneNextConfig(root: string): object | undefined {
  const saved = path.join(root, '.next', 'required-server-files.json');
  if (!fs.existsSync(saved)) return undefined;
  const { config } = JSON.parse(fs.readFileSync(saved, 'utf8')) as { config: object };
  shareStandaloneNextConfig(config);
  return config;
}
