// What each environment variable is for, in French for the school's administrator: the one
// source of docs/configuration.md and .env.example (written by `npm run docs:configuration`;
// lib/config/variables-doc.test.ts fails when they drift). Typed by the schema's own keys
// (lib/config/env.ts): a variable added there without its line here does not compile.
import type { VariableName } from './env';

export interface VariableDoc {
  /** The section of the page. */
  groupe: 'Serveur' | 'Base de données' | 'Connexion' | 'ENT' | 'Impression PDF' | 'Exploitation';
  description: string;
  /** The value when unset, as the page says it. */
  defaut: string;
  /** What .env.example writes after `=` (empty: unset). */
  exemple?: string;
}

export const VARIABLES: Record<VariableName, VariableDoc> = {
  PORT: {
    groupe: 'Serveur',
    description: 'Port HTTP du serveur (1–65535).',
    defaut: '3000',
    exemple: '3000',
  },
  NEXTAUTH_URL: {
    groupe: 'Serveur',
    description:
      'URL publique du module (redirections de connexion, cookies Secure en https, URL de service CAS).',
    defaut: 'http://localhost:$PORT',
  },
  NEXTAUTH_SECRET: {
    groupe: 'Serveur',
    description:
      "Secret de signature des sessions et des jetons d'impression, commun à toutes les instances.",
    defaut: 'généré une fois dans $DATA_DIR/secret',
  },
  DATA_DIR: {
    groupe: 'Serveur',
    description:
      'Dossier des données locales (base embarquée, secret), privé au compte du serveur (0700).',
    defaut: '.data',
    exemple: '.data',
  },
  TRUSTED_PROXIES: {
    groupe: 'Serveur',
    description:
      'Reverse proxies dont on croit X-Forwarded-For et X-Forwarded-Proto (adresses IP ou plages CIDR, séparées par des virgules). Derrière nginx, indiquez son adresse.',
    defaut: 'aucun',
  },
  CPRO_INSTANCE: {
    groupe: 'Serveur',
    description: "Nom de cette instance, renvoyé dans l'en-tête X-Instance (plusieurs serveurs).",
    defaut: 'aucun',
  },
  LOG_LEVEL: {
    groupe: 'Serveur',
    description:
      'Niveau du journal JSON (une ligne par requête et par événement, sans nom ni courriel) : fatal, error, warn, info, debug ou silent.',
    defaut: 'info',
  },
  METRICS_TOKEN: {
    groupe: 'Serveur',
    description:
      'Jeton (Authorization: Bearer) de /api/metrics, au format Prometheus ; non défini : la route répond 404.',
    defaut: 'aucun',
  },
  NODE_ENV: {
    groupe: 'Serveur',
    description: '`development` pour `npm run dev` ; laissez vide en production.',
    defaut: 'production',
  },
  NODE_OPTIONS: {
    groupe: 'Serveur',
    description:
      'Options de Node.js ; sans --max-semi-space-size, `npm start` donne 64 Mo à la jeune génération (mesuré : docs/choix-techniques.md).',
    defaut: 'aucune',
  },
  DATABASE_URL: {
    groupe: 'Base de données',
    description:
      "PostgreSQL (postgres://…), avec le rôle de l'application (npm run db:roles). Vide : base embarquée dans $DATA_DIR.",
    defaut: 'base embarquée',
  },
  CPRO_APP_PASSWORD: {
    groupe: 'Base de données',
    description: "`npm run db:roles` : mot de passe donné au rôle PostgreSQL de l'application.",
    defaut: 'aucun',
  },
  TRACE_RETENTION_MONTHS: {
    groupe: 'Base de données',
    description: 'Conservation de la trace des accès, en mois (1–120 ; npm run trace:purge).',
    defaut: '12',
    exemple: '12',
  },
  SESSION_MAX_AGE_SECONDS: {
    groupe: 'Connexion',
    description: "Durée maximale d'une session depuis la connexion, en secondes (60–604800).",
    defaut: '36000 (une journée de cours)',
    exemple: '36000',
  },
  SIGNIN_MAX_FAILURES: {
    groupe: 'Connexion',
    description: 'Échecs de connexion tolérés par compte et par adresse sur la fenêtre (1–1000).',
    defaut: '10',
    exemple: '10',
  },
  SIGNIN_WINDOW_SECONDS: {
    groupe: 'Connexion',
    description: 'Fenêtre de comptage des échecs, en secondes.',
    defaut: '900',
    exemple: '900',
  },
  SIGNIN_LOCK_SECONDS: {
    groupe: 'Connexion',
    description: "Durée du blocage d'un compte ou d'une adresse, en secondes.",
    defaut: '900',
    exemple: '900',
  },
  SIGNIN_GLOBAL_PER_MINUTE: {
    groupe: 'Connexion',
    description:
      'Échecs de connexion par minute pour tout le module au-delà desquels une adresse qui a elle-même échoué attend la minute suivante (les autres se connectent normalement).',
    defaut: '300',
    exemple: '300',
  },
  AUTH_LOCAL: {
    groupe: 'Connexion',
    description: "`false` : plus de connexion par mot de passe (l'ENT seulement).",
    defaut: 'true',
    exemple: 'true',
  },
  OIDC_ISSUER: {
    groupe: 'ENT',
    description:
      "ENT en OpenID Connect : l'émetteur (avec OIDC_CLIENT_ID et OIDC_CLIENT_SECRET, les trois ensemble). URI de redirection à déclarer dans l'ENT : <NEXTAUTH_URL>/api/auth/callback/ent.",
    defaut: 'aucun',
  },
  OIDC_CLIENT_ID: {
    groupe: 'ENT',
    description: 'Identifiant du client CPRO auprès de l’ENT.',
    defaut: 'aucun',
  },
  OIDC_CLIENT_SECRET: {
    groupe: 'ENT',
    description: 'Secret du client CPRO auprès de l’ENT.',
    defaut: 'aucun',
  },
  OIDC_LABEL: {
    groupe: 'ENT',
    description: 'Nom sur le bouton « Se connecter avec … ».',
    defaut: "l'ENT",
  },
  CAS_URL: {
    groupe: 'ENT',
    description:
      "ENT en CAS 3.0 : l'adresse du CAS, avant /login (demande NEXTAUTH_URL). URL de service à déclarer : <NEXTAUTH_URL>/login/cas.",
    defaut: 'aucun',
  },
  CAS_LABEL: {
    groupe: 'ENT',
    description: 'Nom sur le bouton « Se connecter avec … » (CAS).',
    defaut: "l'ENT",
  },
  CHROMIUM_PATH: {
    groupe: 'Impression PDF',
    description: 'Chromium qui imprime les PDF.',
    defaut: 'navigateur de Playwright, sinon /usr/bin/chromium',
  },
  PDF_PRINT_ORIGIN: {
    groupe: 'Impression PDF',
    description: "Origine à laquelle Chromium lit les pages d'impression.",
    defaut: 'http://127.0.0.1:$PORT',
  },
  PDF_PARALLEL_PAGES: {
    groupe: 'Impression PDF',
    description:
      'Pages de Chromium qui impriment en même temps (1–8 ; 2 mesuré le meilleur sur 2 cœurs).',
    defaut: '2',
    exemple: '2',
  },
  PDF_MAX_WAITING: {
    groupe: 'Impression PDF',
    description: "Plafond de demandes de PDF en attente, quelle que soit l'estimation (mémoire).",
    defaut: '500',
    exemple: '500',
  },
  PDF_JOB_TIMEOUT_MS: {
    groupe: 'Impression PDF',
    description:
      "Délai d'une demande de PDF, de son arrivée au PDF, en millisecondes (1000–600000) : une demande est acceptée tant que l'attente estimée tient dans ce délai, sinon 503 « réessayez ».",
    defaut: '30000',
    exemple: '30000',
  },
  PDF_RECYCLE_AFTER: {
    groupe: 'Impression PDF',
    description: 'Nombre d’impressions après lequel Chromium est relancé (mémoire).',
    defaut: '200',
    exemple: '200',
  },
  PDF_CACHE_MAX_BYTES: {
    groupe: 'Impression PDF',
    description:
      'Taille maximale du cache des PDF partagé par les instances, en octets (0 : pas de cache).',
    defaut: '67108864',
    exemple: '67108864',
  },
  PDF_CONTEXT_PER_JOB: {
    groupe: 'Impression PDF',
    description:
      '`1` : un contexte de navigateur neuf par PDF (isolement maximal, ~0,5 s de plus par PDF).',
    defaut: '0',
    exemple: '0',
  },
  PLAYWRIGHT_WS_ENDPOINT: {
    groupe: 'Impression PDF',
    description:
      'Navigateur partagé (playwright run-server) : ws://hôte:port/… Vide : Chromium lancé par chaque instance.',
    defaut: 'aucun',
  },
  PLAYWRIGHT_WS_CHROMIUM_PATH: {
    groupe: 'Impression PDF',
    description:
      'Chemin de Chromium sur la machine du navigateur partagé (s’il n’est pas celui de Playwright).',
    defaut: 'aucun',
  },
};

const GROUPES: VariableDoc['groupe'][] = [
  'Serveur',
  'Base de données',
  'Connexion',
  'ENT',
  'Impression PDF',
  'Exploitation',
];

const entries = () => Object.entries(VARIABLES) as [VariableName, VariableDoc][];

/** docs/configuration.md. */
export function configurationPage(): string {
  const lines = [
    '# Configuration — variables d’environnement',
    '',
    '<!-- Généré depuis lib/config/variables-doc.ts par `npm run docs:configuration` : ne pas modifier à la main. -->',
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
    '# Généré par `npm run docs:configuration` (lib/config/variables-doc.ts) ; détail : docs/configuration.md.',
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
