// The layers of docs/architecture.md, checked by dependency-cruiser in `npm run lint` on
// every import — static, dynamic `import()` and re-export alike: routes (app/) → use cases
// (lib/pages, lib/impression, lib/pronote…) → data (lib/db), one direction, no cycle. A new
// import that breaks a rule fails the lint with the file that made it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'routes-use-loaders',
      comment: 'app/ reaches the data through a loader or a use case, never lib/db directly.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'printer-knows-no-document',
      comment:
        'lib/pdf prints URLs into bytes: it knows no bilan, page, trace, document or session.',
      severity: 'error',
      from: { path: '^lib/pdf/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^lib/(bilans|impression|pages|ui|trace|pronote|auth)/' },
    },
    {
      name: 'database-layer-alone',
      comment: 'lib/db imports neither the seed nor auth.',
      severity: 'error',
      from: { path: '^lib/db/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(drizzle/|lib/auth/)' },
    },
    {
      name: 'foundations-import-no-use-case',
      comment:
        'lib/common, lib/config, lib/db and lib/http import no use case; lib/config reads the sign-in ways’ configuration registry (lib/auth/ways/configs.ts, pure zod) only.',
      severity: 'error',
      from: { path: '^lib/(common|config|db|http)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^lib/(pages|impression|ui|pronote|bilans|trace|auth)/',
        pathNot: '^lib/auth/ways/([a-z]+/config|configs)\\.ts$',
      },
    },
    {
      name: 'auth-knows-no-bilan',
      severity: 'error',
      from: { path: '^lib/auth/' },
      to: { path: '^lib/bilans/' },
    },
    {
      name: 'administration-reads-no-bilan',
      comment:
        'lib/administration loads a school’s own data; an administrator reads no bilan, no PDF.',
      severity: 'error',
      from: { path: '^lib/administration/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^lib/(bilans|impression|pdf|trace)/' },
    },
    {
      name: 'components-render-what-they-are-given',
      comment: 'lib/ui reaches no database, page loader, trace or print machinery.',
      severity: 'error',
      from: { path: '^lib/ui/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^lib/(db|pages|trace|impression)/' },
    },
    {
      name: 'domain-imports-no-use-case',
      comment:
        'lib/bilans (the domain) and lib/trace (the access trace) import nothing above them: no page, print, PRONOTE, write API, administration, pipeline, action or UI.',
      severity: 'error',
      from: { path: '^lib/(bilans|trace)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^lib/(pages|impression|pronote|alimentation|administration|pipeline|actions|use-cases|ui|auth)/',
      },
    },
    {
      name: 'database-layer-observes-nothing',
      comment: 'lib/db knows no logger nor metric: its callers observe it (lib/server).',
      severity: 'error',
      from: { path: '^lib/db/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^lib/observability/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|dist|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.ts'],
    },
  },
};
