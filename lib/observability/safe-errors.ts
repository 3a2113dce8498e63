// No personal data in logs, whatever the error. A database error carries the statement and its
// parameters (drizzle's « Failed query: … params: … »: bilan texts, pupils' ids, a pending
// import's names and e-mails) and PostgreSQL's DETAIL (« Key (email)=(…) already exists »):
// none of it is ever written to a log. Our code logs errors through describeError(); and every
// console line of the server process — Next.js prints the errors it catches itself — goes
// through the same filter (installSafeConsole, lib/server/main.ts), which keeps of a database
// error its SQL state, its constraint and where it was thrown, with the request's route.
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

interface RequestStore {
  route: string;
  requestId: string;
}

/**
 * The route and id of the request being served, when there is one (lib/server/main.ts runs
 * it). One instance per process, kept on globalThis: this module is loaded twice — once by our
 * server, once inside Next.js's bundle, where route handlers describe their errors — and two
 * instances would never see each other's requests.
 */
const STORE_KEY = Symbol.for('cpro.requestContext');
const registry = globalThis as typeof globalThis & {
  [STORE_KEY]?: AsyncLocalStorage<RequestStore>;
};
export const requestContext: AsyncLocalStorage<RequestStore> = (registry[STORE_KEY] ??=
  new AsyncLocalStorage<RequestStore>());

interface DatabaseErrorSummary {
  sqlState: string | null;
  constraint: string | null;
}

/** A database error's code and constraint, if `error` (or a cause) is one; else null. */
export function databaseErrorOf(error: unknown): DatabaseErrorSummary | null {
  let current: unknown = error;
  let isDatabase = false;
  let sqlState: string | null = null;
  let constraint: string | null = null;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as {
      name?: unknown;
      code?: unknown;
      constraint?: unknown;
      query?: unknown;
      cause?: unknown;
      severity?: unknown;
    };
    if (e.name === 'DrizzleQueryError' || typeof e.query === 'string' || e.severity) {
      isDatabase = true;
    }
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      sqlState ??= e.code;
      isDatabase = true;
    }
    if (typeof e.constraint === 'string') constraint ??= e.constraint;
    current = e.cause;
  }
  return isDatabase ? { sqlState, constraint } : null;
}

/** Drizzle's and PostgreSQL's message parts that carry data, cut off a text. */
function withoutStatement(text: string): string {
  return text.replace(/Failed query:[\s\S]*/g, '[requête masquée]');
}

/** The frames of a stack (where it was thrown), without its message. */
function framesOf(error: Error): string {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
}

/** What may be logged of an error: a database error's state only, another's message. */
export function describeError(error: unknown): string {
  const route = requestContext.getStore()?.route;
  const where = route ? ` (route ${route})` : '';
  const database = databaseErrorOf(error);
  if (database) {
    const constraint = database.constraint ? `, contrainte ${database.constraint}` : '';
    const frames = error instanceof Error ? `\n${framesOf(error)}` : '';
    return `Erreur de la base de données, SQLSTATE ${database.sqlState ?? 'inconnu'}${constraint}${where}${frames}`;
  }
  if (error instanceof Error) {
    return `${error.name}: ${withoutStatement(error.message)}${where}\n${framesOf(error)}`;
  }
  return withoutStatement(typeof error === 'string' ? error : format('%o', error));
}

const installed = new WeakSet<object>();

type Printer = Pick<Console, 'error' | 'warn' | 'log' | 'info' | 'debug'>;

/**
 * Every console line of the process filtered: errors (and objects that hold one) as
 * describeError() says them, statements cut out of texts. Once per console.
 */
export function installSafeConsole(target: Printer = console): void {
  if (installed.has(target)) return;
  installed.add(target);
  for (const level of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...args.map((arg) => safeArgument(arg)));
  }
}

function safeArgument(arg: unknown, depth = 0): unknown {
  if (typeof arg === 'string') return withoutStatement(arg);
  if (arg instanceof Error || databaseErrorOf(arg)) return describeError(arg);
  if (
    arg &&
    typeof arg === 'object' &&
    depth < 3 &&
    Object.getPrototypeOf(arg) === Object.prototype
  ) {
    // next-auth's metadata ({ error }), a logger's bindings: what they hold, filtered alike.
    return Object.fromEntries(
      Object.entries(arg).map(([key, value]) => [key, safeArgument(value, depth + 1)]),
    );
  }
  return arg;
}
