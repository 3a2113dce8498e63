// What each environment variable is for, in French for the school's administrator: the one
// source of docs/configuration.md and .env.example (written by `npm run docs:configuration`;
// lib/config/variables-doc.test.ts fails when they drift). Each variable's documentation is
// beside its schema (`variable()`, lib/config/env-schema.ts; env.ts and the sign-in ways'
// config.ts), read here from zod's registry in the schema's order: a variable without one
// stops the generation, and the test.
import { envSchema, type VariableName } from './env';
import { variableDocs, type VariableDoc } from './env-schema';

/** Every variable with its documentation, in the schema's order. */
export function documentedVariables(): [VariableName, VariableDoc][] {
  return (
    Object.entries(envSchema.shape) as [VariableName, (typeof envSchema.shape)[VariableName]][]
  ).map(([name, schema]) => {
    const doc = variableDocs.get(schema);
    if (!doc)
      throw new Error(
        `${name} : variable sans documentation (lib/config/env-schema.ts, variable()).`,
      );
    return [name, doc];
  });
}

const GROUPES: VariableDoc['groupe'][] = [
  'Serveur',
  'Base de données',
  'Connexion',
  'ENT',
  'Impression PDF',
  'Exploitation',
];

const entries = documentedVariables;

/** docs/configuration.md. */
export function configurationPage(): string {
  const lines = [
    '# Configuration — variables d’environnement',
    '',
    '<!-- Généré depuis lib/config/env.ts et lib/auth/ways/*/config.ts par `npm run docs:configuration` : ne pas modifier à la main. -->',
    '',
    'Toutes sont facultatives : sans aucune, `npm start` sert la démonstration sur la base embarquée.',
    'Elles sont validées au démarrage (`lib/config/env.ts`) : une valeur incorrecte arrête le serveur',
    'avec un message en français qui la nomme. Modèle : `.env.example`.',
  ];
  for (const groupe of GROUPES) {
    const rows = entries().filter(([, doc]) => doc.groupe === groupe);
    if (rows.length === 0) continue;
    lines.push('', `## ${groupe}`, '', '| variable | rôle | défaut |', '| --- | --- | --- |');
    for (const [name, doc] of rows) {
      lines.push(`| \`${name}\` | ${doc.description.replace(/\|/g, '\\|')} | ${doc.defaut} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** .env.example. */
export function envExample(): string {
  const lines = [
    '# Variables d’environnement du module « Bilans des compétences » (toutes facultatives).',
    '# Généré par `npm run docs:configuration` (lib/config/env.ts, lib/auth/ways/*/config.ts) ; détail : docs/configuration.md.',
  ];
  for (const groupe of GROUPES) {
    const rows = entries().filter(([, doc]) => doc.groupe === groupe);
    if (rows.length === 0) continue;
    lines.push('', `# — ${groupe} —`);
    for (const [name, doc] of rows) {
      lines.push(`# ${doc.description} Défaut : ${doc.defaut}.`, `${name}=${doc.exemple ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
