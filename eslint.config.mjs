// Lint rules: Next.js core-web-vitals + TypeScript, strict about `any`.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Raw SQL rows are parsed with a zod schema in application code (lib/db/rows.ts).
    files: ['app/**', 'lib/**', 'drizzle/**', 'scripts/**', 'proxy.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'lib/db/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/db/rows',
              importNames: ['rowsOf'],
              message: 'Lire les lignes avec parseRows(résultat, schéma zod).',
            },
          ],
        },
      ],
    },
  },
  {
    // The environment is read in one place, validated (lib/config/env.ts): nowhere else in
    // the application. (instrumentation.ts asks Next.js which runtime it runs in; the test
    // drivers, scripts, e2e and benchmarks run outside the application.)
    files: ['app/**', 'lib/**', 'proxy.ts'],
    ignores: ['lib/config/env.ts', 'lib/db/testing.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Lire la configuration par appConfig() (lib/config/env.ts).',
        },
      ],
    },
  },
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      'drizzle/meta/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '.dependency-cruiser.cjs',
      'dist/**',
    ],
  },
];

export default config;
