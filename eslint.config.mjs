// Lint rules: Next.js core-web-vitals + TypeScript, strict about `any`.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * A server module says so first (`import 'server-only'`): imported by a client component by
 * mistake, it fails the build instead of shipping database or session code to a browser.
 */
const serverOnly = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      Program(program) {
        const directives = program.body.filter(
          (n) => n.type === 'ExpressionStatement' && n.directive,
        );
        if (directives.some((d) => d.directive === 'use client' || d.directive === 'use server'))
          return;
        const declares = program.body.some(
          (n) => n.type === 'ImportDeclaration' && n.source.value === 'server-only',
        );
        if (!declares) {
          context.report({
            node: program,
            message: "Module serveur : commencez par import 'server-only'.",
          });
        }
      },
    };
  },
};

const config = [
  {
    // The use cases, loaders, handlers and the request pipeline: server code, said so. (Pure
    // modules a script or a test also reads — data shapes, testing helpers — are not listed.)
    files: [
      'lib/pages/**/*.{ts,tsx}',
      'lib/pipeline/**/*.ts',
      'lib/actions/validated-action.ts',
      'lib/administration/**/*.ts',
      'lib/alimentation/handler.ts',
      'lib/pronote/handler.ts',
      'lib/impression/**/*.{ts,tsx}',
      'lib/trace/acces.ts',
      // A feature's folder: its query, loader and handlers, its printed document.
      'lib/{preparation-pronote,redaction,saisie-classe,synthese}/{query,page,csv-download}.ts',
      'lib/{preparation-pronote,redaction,saisie-classe,synthese}/document/*.tsx',
    ],
    // Shared with the e2e suite, which reads them outside any bundle.
    ignores: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'lib/administration/siecle/testing.ts',
      'lib/administration/sts/testing.ts',
      'lib/impression/print-token.ts',
      'lib/impression/print-route.ts',
    ],
    plugins: { cpro: { rules: { 'server-only': serverOnly } } },
    rules: { 'cpro/server-only': 'error' },
  },
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
