// Unit and data-layer tests: files named *.test.ts beside the code they test.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next.js makes `import 'server-only'` fail in client bundles; tests run on the server.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    environment: 'node',
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'drizzle/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // Each test file copies the run's migrated (or demo) database instead of building its own.
    globalSetup: ['./vitest.global-setup.ts'],
    // Data tests wait on PostgreSQL, child processes and Chromium: one worker more than the
    // cores keeps them busy (2 cores: 296 s with 1 worker, 210 s with 3, 263 s with 4).
    maxWorkers: os.availableParallelism() + 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
