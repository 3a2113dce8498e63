// The layers of docs/architecture.md, checked by dependency-cruiser in `npm run lint` on
// every import — static, dynamic `import()` and re-export alike: routes (app/) → use cases
// (lib/pages, lib/impression, lib/pronote…) → data (lib/db), one direction, no cycle. A new
// import that breaks a rule fails the lint with the file that made it.
//
// A feature's folder (lib/synthese/, lib/preparation-pronote/, lib/redaction/,
// lib/saisie-classe/) holds one page's every kind of file: its data (`query.ts`, and
// `csv-rows.ts`: the domain), its loader (`page.ts`), its handlers, actions and writes, its
// components (`ui/`) and its printed document (`document/`). The rules are by kind, so each
// applies in lib/<layer>/ and in a feature alike.
const FEATURES = '(preparation-pronote|redaction|saisie-classe|synthese)';
/** A feature's data: a query and the pure shapes made from its rows. */
const FEATURE_DOMAIN = `^lib/${FEATURES}/(query|csv-rows)\\.ts$`;
/** Everything of a feature above its data: loader, handlers, components, document. */
const FEATURE_ABOVE_DOMAIN = `^lib/${FEATURES}/(?!(query|csv-rows)\\.ts$)`;
/** A feature's loader, handlers and document: what a component may not reach. */
const FEATURE_SERVER = `^lib/${FEATURES}/(?!ui/|(query|csv-rows)\\.ts$)`;

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
      to: { path: [`^lib/(bilans|impression|pages|ui|trace|pronote|auth)/`, `^lib/${FEATURES}/`] },
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
        path: ['^lib/(pages|impression|ui|pronote|bilans|trace|auth)/', `^lib/${FEATURES}/`],
        pathNot: '^lib/auth/ways/([a-z]+/config|configs)\\.ts$',
      },
    },
    {
      name: 'auth-knows-no-bilan',
      severity: 'error',
      from: { path: '^lib/auth/' },
      to: { path: ['^lib/bilans/', `^lib/${FEATURES}/`] },
    },
    {
      name: 'administration-reads-no-bilan',
      comment:
        'lib/administration loads a school’s own data; an administrator reads no bilan, no PDF.',
      severity: 'error',
      from: { path: '^lib/administration/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^lib/(bilans|impression|pdf|trace)/', `^lib/${FEATURES}/`] },
    },
    {
      name: 'components-render-what-they-are-given',
      comment:
        'Components (lib/ui/, a feature’s ui/) reach no database, page loader, trace or print machinery — a feature’s own loader, handlers and document included.',
      severity: 'error',
      from: { path: `^lib/(${FEATURES}/)?ui/`, pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^lib/(db|pages|trace|impression)/', FEATURE_SERVER] },
    },
    {
      name: 'domain-imports-no-use-case',
      comment:
        'lib/bilans (the domain), lib/trace (the access trace) and a feature’s data import nothing above them: no page, print, PRONOTE, write API, administration, pipeline, action, UI — nor a feature’s loader, components or document.',
      severity: 'error',
      from: { path: ['^lib/(bilans|trace)/', FEATURE_DOMAIN], pathNot: '\\.test\\.tsx?$' },
      to: {
        path: [
          '^lib/(pages|impression|pronote|alimentation|administration|pipeline|actions|use-cases|ui|auth)/',
          FEATURE_ABOVE_DOMAIN,
        ],
      },
    },
    {
      name: 'features-stand-on-the-domain',
      comment: 'lib/bilans and lib/trace are beneath every feature: they import none.',
      severity: 'error',
      from: { path: '^lib/(bilans|trace)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: `^lib/${FEATURES}/` },
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
