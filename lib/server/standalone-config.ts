// In the image (.next/standalone: the app without next.config.mjs), the configuration
// Next.js saved at build time, handed to it as its own standalone server does; in the
// repository, nothing (Next.js reads next.config.mjs). Only our server (main.ts) reads it:
// kept out of the app's modules, whose file accesses Next.js traces into its output.
import fs from 'node:fs';
import path from 'node:path';
import { shareStandaloneNextConfig } from '@/lib/config/env';

export function standaloneNextConfig(root: string): object | undefined {
  const saved = path.join(root, '.next', 'required-server-files.json');
  if (fs.existsSync(path.join(root, 'next.config.mjs')) || !fs.existsSync(saved)) return undefined;
  const { config } = JSON.parse(fs.readFileSync(saved, 'utf8')) as { config: object };
  shareStandaloneNextConfig(config);
  return config;
}
