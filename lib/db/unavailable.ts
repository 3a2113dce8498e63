// Tells a database that cannot answer now (stopped, restarting, unreachable, too slow)
// from a bug: the former deserves a French 503 « réessayez », not an error page.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// SQLSTATE: connection exceptions (08…), shutdown / cannot connect now (57P0x), statement
// timeout or cancellation (57014), too many connections (53300), disk full (53100: the
// embedded database refuses every statement until space is freed, lib/db/disk-guard.ts).
const SQLSTATE = /^(08\d{3}|57P0[1-4]|57014|53[13]00)$/;
const MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection error|query read timeout|cannot use a pool after calling end/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

export const UNAVAILABLE_PATH = '/indisponible';
