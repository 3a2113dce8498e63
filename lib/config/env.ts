// Every environment variable the module reads, in one place: its default, its range, and a
// French message naming it when it is wrong. Validated at start-up (scripts/start.ts,
// instrumentation.ts), so `PDF_MAX_WAITING=abc` stops the server with a clear sentence
// instead of quietly making a queue unbounded. `.env.example` and the README's table list
// the same variables. Nothing else in the code reads `process.env` (an ESLint rule: eslint.config.mjs).
import path from 'node:path';
import { z } from 'zod';
import { flag, integer, optionalText, url, variable } from './env-schema';
import { WAY_VARIABLES, readWays, type WaysSettings } from '@/lib/auth/ways/configs';
import { parseProxyList } from './proxy-list';

type Env = Record<string, string | undefined>;

/** The name of every variable the module reads (docs/configuration.md lists them). */
export type VariableName = keyof typeof envSchema.shape;

export const envSchema = z.object({
  NODE_ENV: variable(optionalText, {
    groupe: 'Serveur',
    description: '`development` pour `npm run dev` ; laissez vide en production.',
    defaut: 'production',
  }),
  PORT: variable(integer(1, 65_535, 3000), {
    groupe: 'Serveur',
    description: 'Port HTTP du serveur (1–65535).',
    defaut: '3000',
    exemple: '3000',
  }),
  DATABASE_URL: variable(url(['postgres:', 'postgresql:']), {
    groupe: 'Base de données',
    description:
      "PostgreSQL (postgres://…), avec le rôle de l'application (npm run db:roles). Vide : base embarquée dans $DATA_DIR.",
    defaut: 'base embarquée',
  }),
  DATA_DIR: variable(optionalText, {
    groupe: 'Serveur',
    description:
      'Dossier des données locales (base embarquée, secret), privé au compte du serveur (0700).',
    defaut: '.data',
    exemple: '.data',
  }),
  NEXTAUTH_SECRET: variable(optionalText, {
    groupe: 'Serveur',
    description:
      "Secret de signature des sessions et des jetons d'impression, commun à toutes les instances.",
    defaut: 'généré une fois dans $DATA_DIR/secret',
  }),
  NEXTAUTH_URL: variable(url(['http:', 'https:']), {
    groupe: 'Serveur',
    description:
      'URL publique du module (redirections de connexion, cookies Secure en https, URL de service CAS).',
    defaut: 'http://localhost:$PORT',
  }),
  SESSION_MAX_AGE_SECONDS: variable(integer(60, 7 * 24 * 3600, 10 * 3600), {
    groupe: 'Connexion',
    description: "Durée maximale d'une session depuis la connexion, en secondes (60–604800).",
    defaut: '36000 (une journée de cours)',
    exemple: '36000',
  }),
  SIGNIN_MAX_FAILURES: variable(integer(1, 1000, 10), {
    groupe: 'Connexion',
    description: 'Échecs de connexion tolérés par compte et par adresse sur la fenêtre (1–1000).',
    defaut: '10',
    exemple: '10',
  }),
  SIGNIN_WINDOW_SECONDS: variable(integer(1, 24 * 3600, 15 * 60), {
    groupe: 'Connexion',
    description: 'Fenêtre de comptage des échecs, en secondes.',
    defaut: '900',
    exemple: '900',
  }),
  SIGNIN_LOCK_SECONDS: variable(integer(1, 24 * 3600, 15 * 60), {
    groupe: 'Connexion',
    description: "Durée du blocage d'un compte ou d'une adresse, en secondes.",
    defaut: '900',
    exemple: '900',
  }),
  SIGNIN_GLOBAL_PER_MINUTE: variable(integer(1, 1_000_000, 300), {
    groupe: 'Connexion',
    description:
      'Échecs de connexion par minute pour tout le module au-delà desquels une adresse qui a elle-même échoué attend la minute suivante (les autres se connectent normalement).',
    defaut: '300',
    exemple: '300',
  }),
  TRUSTED_PROXIES: variable(
    z
      .string()
      .optional()
      .transform((value, context) => {
        const parsed = parseProxyList(value);
        if ('entries' in parsed) return parsed.entries;
        context.addIssue({
          code: 'custom',
          message: `doit lister des adresses IP ou des plages CIDR (« ${parsed.invalid} » n'en est pas une)`,
        });
        return z.NEVER;
      }),
    {
      groupe: 'Serveur',
      description:
        'Reverse proxies dont on croit X-Forwarded-For et X-Forwarded-Proto (adresses IP ou plages CIDR, séparées par des virgules). Derrière nginx, indiquez son adresse.',
      defaut: 'aucun',
    },
  ),
  TRACE_RETENTION_MONTHS: variable(integer(1, 120, 12), {
    groupe: 'Base de données',
    description: 'Conservation de la trace des accès, en mois (1–120 ; npm run trace:purge).',
    defaut: '12',
    exemple: '12',
  }),
  CHROMIUM_PATH: variable(optionalText, {
    groupe: 'Impression PDF',
    description: 'Chromium qui imprime les PDF.',
    defaut: 'navigateur de Playwright, sinon /usr/bin/chromium',
  }),
  PDF_PRINT_ORIGIN: variable(url(['http:', 'https:']), {
    groupe: 'Impression PDF',
    description: "Origine à laquelle Chromium lit les pages d'impression.",
    defaut: 'http://127.0.0.1:$PORT',
  }),
  PDF_MAX_WAITING: variable(integer(0, 10_000, 500), {
    groupe: 'Impression PDF',
    description: "Plafond de demandes de PDF en attente, quelle que soit l'estimation (mémoire).",
    defaut: '500',
    exemple: '500',
  }),
  PDF_PARALLEL_PAGES: variable(integer(1, 8, 2), {
    groupe: 'Impression PDF',
    description:
      'Pages de Chromium qui impriment en même temps (1–8 ; 2 mesuré le meilleur sur 2 cœurs).',
    defaut: '2',
    exemple: '2',
  }),
  PDF_JOB_TIMEOUT_MS: variable(integer(1000, 600_000, 30_000), {
    groupe: 'Impression PDF',
    description:
      "Délai d'une demande de PDF, de son arrivée au PDF, en millisecondes (1000–600000) : une demande est acceptée tant que l'attente estimée tient dans ce délai, sinon 503 « réessayez ».",
    defaut: '30000',
    exemple: '30000',
  }),
  PDF_RECYCLE_AFTER: variable(integer(1, 100_000, 200), {
    groupe: 'Impression PDF',
    description: 'Nombre d’impressions après lequel Chromium est relancé (mémoire).',
    defaut: '200',
    exemple: '200',
  }),
  PDF_CACHE_MAX_BYTES: variable(integer(0, 4 * 1024 ** 3, 64 * 1024 * 1024), {
    groupe: 'Impression PDF',
    description:
      'Taille maximale du cache des PDF partagé par les instances, en octets (0 : pas de cache).',
    defaut: '67108864',
    exemple: '67108864',
  }),
  PDF_CONTEXT_PER_JOB: variable(flag(), {
    groupe: 'Impression PDF',
    description:
      '`1` : un contexte de navigateur neuf par PDF (isolement maximal, ~0,5 s de plus par PDF).',
    defaut: '0',
    exemple: '0',
  }),
  PLAYWRIGHT_WS_ENDPOINT: variable(url(['ws:', 'wss:']), {
    groupe: 'Impression PDF',
    description:
      'Navigateur partagé (playwright run-server) : ws://hôte:port/… Vide : Chromium lancé par chaque instance.',
    defaut: 'aucun',
  }),
  PLAYWRIGHT_WS_CHROMIUM_PATH: variable(optionalText, {
    groupe: 'Impression PDF',
    description:
      'Chemin de Chromium sur la machine du navigateur partagé (s’il n’est pas celui de Playwright).',
    defaut: 'aucun',
  }),
  CPRO_APP_PASSWORD: variable(optionalText, {
    groupe: 'Base de données',
    description: "`npm run db:roles` : mot de passe donné au rôle PostgreSQL de l'application.",
    defaut: 'aucun',
  }),
  NODE_OPTIONS: variable(optionalText, {
    groupe: 'Serveur',
    description:
      'Options de Node.js ; sans --max-semi-space-size, `npm start` donne 64 Mo à la jeune génération (mesuré : docs/choix-techniques.md).',
    defaut: 'aucune',
  }),
  CPRO_INSTANCE: variable(optionalText, {
    groupe: 'Serveur',
    description: "Nom de cette instance, renvoyé dans l'en-tête X-Instance (plusieurs serveurs).",
    defaut: 'aucun',
  }),
  LOG_LEVEL: variable(
    z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'], {
          error: (issue) =>
            `doit valoir fatal, error, warn, info, debug ou silent (reçu « ${String(issue.input)} »)`,
        })
        .default('info'),
    ),
    {
      groupe: 'Serveur',
      description:
        'Niveau du journal JSON (une ligne par requête et par événement, sans nom ni courriel) : fatal, error, warn, info, debug ou silent.',
      defaut: 'info',
    },
  ),
  METRICS_TOKEN: variable(optionalText, {
    groupe: 'Serveur',
    description:
      'Jeton (Authorization: Bearer) de /api/metrics, au format Prometheus ; non défini : la route répond 404.',
    defaut: 'aucun',
  }),
  // Each sign-in way declares its own variables (lib/auth/ways/configs.ts).
  ...WAY_VARIABLES,
});

export interface AppConfig {
  development: boolean;
  port: number;
  /** PostgreSQL; absent → the embedded database under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  publicUrl: string | undefined;
  sessionMaxAgeSeconds: number;
  signIn: {
    maxFailures: number;
    windowSeconds: number;
    lockSeconds: number;
    globalPerMinute: number;
  };
  /** Proxies whose X-Forwarded-* headers are believed (TRUSTED_PROXIES). */
  /** Addresses and CIDR ranges, as proxy-addr compiles them. */
  trustedProxies: string[];
  traceRetentionMonths: number;
  chromiumPath: string | undefined;
  pdf: {
    printOrigin: string;
    maxWaiting: number;
    parallelPages: number;
    jobTimeoutMs: number;
    recycleAfter: number;
    cacheMaxBytes: number;
    contextPerJob: boolean;
    wsEndpoint: string | undefined;
    wsChromiumPath: string | undefined;
  };
  /** `npm run db:roles`: the password given to the application's PostgreSQL role. */
  appRolePassword: string | undefined;
  /** Node.js options the launcher passes on (scripts/start.ts). */
  nodeOptions: string;
  /** This instance's name, sent as `X-Instance` (several instances behind a load balancer). */
  instance: string | undefined;
  /** The least level written to the JSON log (lib/observability/logger.ts). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** The bearer token of /api/metrics; unset: the route does not exist (404). */
  metricsToken: string | undefined;
  /** The sign-in ways configured (lib/auth/ways/): null when a way is off. */
  auth: WaysSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The configuration of `env`, or a ConfigError naming every wrong variable. */
export function parseConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`),
    );
  }
  const v = result.data;
  const ways = readWays(v, v.NEXTAUTH_URL);
  if (ways.problems.length > 0) throw new ConfigError(ways.problems);
  return {
    development: v.NODE_ENV === 'development',
    port: v.PORT,
    databaseUrl: v.DATABASE_URL,
    dataDir: path.resolve(cwd, v.DATA_DIR ?? '.data'),
    authSecret: v.NEXTAUTH_SECRET,
    publicUrl: v.NEXTAUTH_URL,
    sessionMaxAgeSeconds: v.SESSION_MAX_AGE_SECONDS,
    signIn: {
      maxFailures: v.SIGNIN_MAX_FAILURES,
      windowSeconds: v.SIGNIN_WINDOW_SECONDS,
      lockSeconds: v.SIGNIN_LOCK_SECONDS,
      globalPerMinute: v.SIGNIN_GLOBAL_PER_MINUTE,
    },
    trustedProxies: v.TRUSTED_PROXIES,
    traceRetentionMonths: v.TRACE_RETENTION_MONTHS,
    chromiumPath: v.CHROMIUM_PATH,
    pdf: {
      printOrigin: v.PDF_PRINT_ORIGIN ?? `http://127.0.0.1:${v.PORT}`,
      maxWaiting: v.PDF_MAX_WAITING,
      parallelPages: v.PDF_PARALLEL_PAGES,
      jobTimeoutMs: v.PDF_JOB_TIMEOUT_MS,
      recycleAfter: v.PDF_RECYCLE_AFTER,
      cacheMaxBytes: v.PDF_CACHE_MAX_BYTES,
      contextPerJob: v.PDF_CONTEXT_PER_JOB,
      wsEndpoint: v.PLAYWRIGHT_WS_ENDPOINT,
      wsChromiumPath: v.PLAYWRIGHT_WS_CHROMIUM_PATH,
    },
    appRolePassword: v.CPRO_APP_PASSWORD,
    nodeOptions: v.NODE_OPTIONS ?? '',
    instance: v.CPRO_INSTANCE,
    logLevel: v.LOG_LEVEL,
    metricsToken: v.METRICS_TOKEN,
    auth: ways.settings,
  };
}

let current: AppConfig | undefined;

/** The process's configuration, parsed once (throws ConfigError when it is wrong). */
export function appConfig(): AppConfig {
  current ??= parseConfig(process.env);
  return current;
}

/** For start-up code: the configuration, or the French message and exit code 1. */
export function appConfigOrExit(): AppConfig {
  try {
    return appConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[cpro] ${error.message}`);
    process.exit(1);
  }
}

/**
 * Hands Next.js the configuration it saved at build time, as its own standalone server does
 * (lib/server/standalone-config.ts reads it, for every production server).
 */
export function shareStandaloneNextConfig(config: object): void {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
