// Every environment variable the module reads, in one place: its default, its range, and a
// French message naming it when it is wrong. Validated at start-up (scripts/start.ts,
// instrumentation.ts), so `PDF_MAX_WAITING=abc` stops the server with a clear sentence
// instead of quietly making a queue unbounded. `.env.example` and the README's table list
// the same variables. Nothing else in the code reads `process.env` (an ESLint rule: eslint.config.mjs).
import path from 'node:path';
import { z } from 'zod';
import { flag, integer, optionalText, url } from './env-schema';
import { WAY_VARIABLES, readWays, type WaysSettings } from '@/lib/auth/ways/configs';
import { parseProxyList, type ProxyRange } from './proxy-list';

type Env = Record<string, string | undefined>;

/** The name of every variable the module reads (docs/configuration.md lists them). */
export type VariableName = keyof typeof envSchema.shape;

export const envSchema = z.object({
  NODE_ENV: optionalText,
  PORT: integer(1, 65_535, 3000),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATA_DIR: optionalText,
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: url(['http:', 'https:']),
  SESSION_MAX_AGE_SECONDS: integer(60, 7 * 24 * 3600, 10 * 3600),
  SIGNIN_MAX_FAILURES: integer(1, 1000, 10),
  SIGNIN_WINDOW_SECONDS: integer(1, 24 * 3600, 15 * 60),
  SIGNIN_LOCK_SECONDS: integer(1, 24 * 3600, 15 * 60),
  SIGNIN_GLOBAL_PER_MINUTE: integer(1, 1_000_000, 300),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseProxyList(value);
      if ('ranges' in parsed) return parsed.ranges;
      context.addIssue({
        code: 'custom',
        message: `doit lister des adresses IP ou des plages CIDR (« ${parsed.invalid} » n'en est pas une)`,
      });
      return z.NEVER;
    }),
  TRACE_RETENTION_MONTHS: integer(1, 120, 12),
  CHROMIUM_PATH: optionalText,
  PDF_PRINT_ORIGIN: url(['http:', 'https:']),
  PDF_MAX_WAITING: integer(0, 10_000, 500),
  PDF_PARALLEL_PAGES: integer(1, 8, 2),
  PDF_JOB_TIMEOUT_MS: integer(1000, 600_000, 30_000),
  PDF_RECYCLE_AFTER: integer(1, 100_000, 200),
  PDF_CACHE_MAX_BYTES: integer(0, 4 * 1024 ** 3, 64 * 1024 * 1024),
  PDF_CONTEXT_PER_JOB: flag(),
  PLAYWRIGHT_WS_ENDPOINT: url(['ws:', 'wss:']),
  PLAYWRIGHT_WS_CHROMIUM_PATH: optionalText,
  CPRO_APP_PASSWORD: optionalText,
  NODE_OPTIONS: optionalText,
  CPRO_INSTANCE: optionalText,
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'], {
        error: (issue) =>
          `doit valoir fatal, error, warn, info, debug ou silent (reçu « ${String(issue.input)} »)`,
      })
      .default('info'),
  ),
  METRICS_TOKEN: optionalText,
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
  trustedProxies: ProxyRange[];
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
