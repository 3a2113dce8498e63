// Sign-in throttling, per account and per address. Every attempt is counted BEFORE the
// password is checked, in one atomic statement, so a burst of parallel guesses cannot slip
// past the limit; a successful sign-in then clears both counters. The counters live in
// the database so that every server instance shares them. A global counter caps the
// sign-ins of the whole module per minute, whatever accounts and addresses they use.
import 'server-only';
import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { connexionEchecs } from '@/lib/db/schema';
import { rowsOf } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import { normalizeEmail } from './credentials';
import { appConfig, type AppConfig } from '@/lib/config/env';

export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

/** The limits of the configuration (SIGNIN_MAX_FAILURES, _WINDOW_SECONDS, _LOCK_SECONDS). */
export function throttlePolicy(config: AppConfig = appConfig()): ThrottlePolicy {
  const { maxFailures, windowSeconds, lockSeconds } = config.signIn;
  return { maxFailures, windowSeconds, lockSeconds };
}

/** Sign-ins of the whole module per minute (every instance together). */
export function globalSignInLimit(config: AppConfig = appConfig()): number {
  return config.signIn.globalPerMinute;
}

/**
 * The counters an attempt is charged to: the account (unknown e-mails get one like known
 * ones) and the client's address (lib/http/client-address.ts), when known.
 */
export function throttleKeys(email: string, address: string | null): string[] {
  const keys = [`compte:${normalizeEmail(email).slice(0, 254)}`];
  if (address) keys.push(`adresse:${address.slice(0, 64)}`);
  return keys;
}

const GLOBAL_KEY = 'global';
const GLOBAL_WINDOW_SECONDS = 60;

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface CounterRow extends Record<string, unknown> {
  echecs: number;
  verrouille_jusqu_a: Date | string | null;
}

/**
 * Counts one attempt against every key and says whether it may go on. A counter starts
 * afresh when its window is over or its lock has expired; the attempt that reaches the
 * limit locks the key (a success right after still clears it).
 */
export async function registerAttempt(
  db: Database,
  keys: string[],
  policy: ThrottlePolicy = throttlePolicy(),
  now: Date = new Date(),
): Promise<AttemptVerdict> {
  const at = now.toISOString();
  const values = sql.join(
    keys.map((key) => sql`(${key}, 1, ${at}::timestamptz, null::timestamptz)`),
    sql`, `,
  );
  const fresh = sql`(
      (c.verrouille_jusqu_a is not null and c.verrouille_jusqu_a <= ${at}::timestamptz)
      or (c.verrouille_jusqu_a is null
          and c.debut <= ${at}::timestamptz - make_interval(secs => ${policy.windowSeconds}))
    )`;
  const result = await db.execute<CounterRow>(sql`
    insert into connexion_echecs as c (cle, echecs, debut, verrouille_jusqu_a)
    values ${values}
    on conflict (cle) do update set
      echecs = case when ${fresh} then 1 else c.echecs + 1 end,
      debut = case when ${fresh} then ${at}::timestamptz else c.debut end,
      verrouille_jusqu_a = case
        when ${fresh} then
          case when 1 >= ${policy.maxFailures}
            then ${at}::timestamptz + make_interval(secs => ${policy.lockSeconds}) end
        when c.verrouille_jusqu_a is null and c.echecs + 1 >= ${policy.maxFailures}
          then ${at}::timestamptz + make_interval(secs => ${policy.lockSeconds})
        else c.verrouille_jusqu_a
      end
    returning echecs, verrouille_jusqu_a`);
  let retryAfter = 0;
  for (const row of rowsOf<CounterRow>(result)) {
    if (row.echecs > policy.maxFailures && row.verrouille_jusqu_a) {
      const until = new Date(row.verrouille_jusqu_a).getTime();
      retryAfter = Math.max(retryAfter, Math.ceil((until - now.getTime()) / 1000));
    }
  }
  return retryAfter > 0 ? { allowed: false, retryAfterSeconds: retryAfter } : { allowed: true };
}

/**
 * Counts one sign-in against the global counter (a fixed one-minute window, never cleared
 * by a success): beyond `limit` in the window, every sign-in waits for the next one.
 */
export async function registerGlobalAttempt(
  db: Database,
  limit: number = globalSignInLimit(),
  now: Date = new Date(),
): Promise<AttemptVerdict> {
  const at = now.toISOString();
  const result = await db.execute<CounterRow & { debut: Date | string }>(sql`
    insert into connexion_echecs as c (cle, echecs, debut, verrouille_jusqu_a)
    values (${GLOBAL_KEY}, 1, ${at}::timestamptz, null)
    on conflict (cle) do update set
      echecs = case when c.debut <= ${at}::timestamptz - make_interval(secs => ${GLOBAL_WINDOW_SECONDS})
        then 1 else c.echecs + 1 end,
      debut = case when c.debut <= ${at}::timestamptz - make_interval(secs => ${GLOBAL_WINDOW_SECONDS})
        then ${at}::timestamptz else c.debut end
    returning echecs, debut, verrouille_jusqu_a`);
  const [row] = rowsOf<CounterRow & { debut: Date | string }>(result);
  if (!row || row.echecs <= limit) return { allowed: true };
  const windowEnd = new Date(row.debut).getTime() + GLOBAL_WINDOW_SECONDS * 1000;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
  };
}

/** A successful sign-in: the account and the address start again from zero. */
export async function clearAttempts(db: Database, keys: string[]): Promise<void> {
  await db.delete(connexionEchecs).where(
    inArray(
      connexionEchecs.cle,
      keys.filter((key) => key !== GLOBAL_KEY),
    ),
  );
}

/**
 * Deletes the counters that no longer count: window over and no lock, or lock over (run
 * with the trace purge and at start-up, so the table holds only live counters).
 */
export async function purgeAttempts(
  db: Database,
  policy: ThrottlePolicy = throttlePolicy(),
  now: Date = new Date(),
): Promise<number> {
  const windowStart = new Date(
    now.getTime() - Math.max(policy.windowSeconds, GLOBAL_WINDOW_SECONDS) * 1000,
  );
  const purged = await db
    .delete(connexionEchecs)
    .where(
      or(
        lt(connexionEchecs.verrouilleJusquA, now),
        and(isNull(connexionEchecs.verrouilleJusquA), lt(connexionEchecs.debut, windowStart)),
      ),
    )
    .returning({ cle: connexionEchecs.cle });
  return purged.length;
}
