// Sign-in throttling. Only attempts whose password is about to be checked are counted —
// a request refused before that (bad CSRF token, malformed, cross-site, or already locked
// out) counts nowhere, so nobody can lock a teacher out by sending requests that could
// never sign anyone in. A counted attempt is charged, in one atomic statement and BEFORE
// the password is checked (a burst of parallel guesses cannot slip past), to:
// - the account (known or not): 10 failures in 15 min lock it for 15 min;
// - the client's address (an IPv6 client by its /64, which one machine usually has whole):
//   the same limits, so one address cannot try many accounts;
// - the pair (address, account): what a success on that account forgives the address — a
//   teacher's own typos — while their address's failures on OTHER accounts stay counted;
// - the whole module, per minute. Past SIGNIN_GLOBAL_PER_MINUTE failures, the module is
//   « under a flood »: an address with failures of its own waits for the next minute, an
//   address that did nothing wrong signs in as usual. The global counter never locks anyone.
// The counters live in the database (`connexion_echecs`), shared by every instance.
import 'server-only';
import net from 'node:net';
import { and, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { connexionEchecs } from '@/lib/db/schema';
import { parseRows } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import { normalizeEmail } from './ways/password/credentials';
import { appConfig, type AppConfig } from '@/lib/config/env';

export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
  /** Failed sign-ins of the whole module per minute beyond which addresses with failures wait. */
  floodPerMinute: number;
}

/** The limits of the configuration (SIGNIN_MAX_FAILURES, _WINDOW_SECONDS, _LOCK_SECONDS, _GLOBAL_PER_MINUTE). */
export function throttlePolicy(config: AppConfig = appConfig()): ThrottlePolicy {
  const { maxFailures, windowSeconds, lockSeconds, globalPerMinute } = config.signIn;
  return { maxFailures, windowSeconds, lockSeconds, floodPerMinute: globalPerMinute };
}

/** The counters one attempt is charged to (a CAS ticket names no account before it is checked). */
export interface ThrottleKeys {
  account: string | null;
  address: string | null;
  pair: string | null;
}

const GLOBAL_KEY = 'global';
const GLOBAL_WINDOW_SECONDS = 60;

/**
 * What identifies a client's address for counting: an IPv4 address as is, an IPv6 address
 * by its /64 prefix (a single home or school line gets a whole /64: counting each of its
 * 2^64 addresses apart would give an attacker unlimited guesses).
 */
export function addressCounterOf(address: string): string {
  if (!net.isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * A CAS ticket's validation by the ENT, from the client's address: a refused ticket counts
 * as a failed sign-in of that address, and the ENT is not asked more often than that.
 */
export function casThrottleKeys(address: string | null): ThrottleKeys {
  const counter = address ? addressCounterOf(address).slice(0, 64) : null;
  return { account: null, address: counter ? `adresse:${counter}` : null, pair: null };
}

/** The account (normalised e-mail), the client's address when known, and the pair. */
export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  const account = normalizeEmail(email).slice(0, 254);
  const counter = address ? addressCounterOf(address).slice(0, 64) : null;
  return {
    account: `compte:${account}`,
    address: counter ? `adresse:${counter}` : null,
    pair: counter ? `paire:${counter}|${account}` : null,
  };
}

export type AttemptVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'verrou' | 'afflux' };

const timestamp = z.union([z.date(), z.string()]).transform((value) => new Date(value));

const attemptRow = z.object({
  locked_until: timestamp.nullable(),
  flood: z.boolean().nullable(),
  global_start: timestamp.nullable(),
  counted: z
    .array(
      z.object({
        cle: z.string(),
        echecs: z.number(),
        verrou: z.string().nullable(),
      }),
    )
    .nullable(),
});

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/**
 * Decides whether an attempt may go on to its password check and, if it may, counts it
 * against every key at once. Refused — and counted nowhere — while the account or the
 * address is locked, or while the module is under a flood and this address has failures.
 * The attempt that reaches the limit locks its key (a success right after still clears it).
 */
export async function registerAttempt(
  db: Database,
  keys: ThrottleKeys,
  policy: ThrottlePolicy = throttlePolicy(),
  now: Date = new Date(),
): Promise<AttemptVerdict> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const window = sql`make_interval(secs => ${policy.windowSeconds})`;
  const minute = sql`make_interval(secs => ${GLOBAL_WINDOW_SECONDS})`;
  const counters = [keys.account, keys.address, keys.pair, GLOBAL_KEY].filter(
    (key): key is string => key !== null,
  );
  const watched = [keys.account, keys.address, GLOBAL_KEY].filter(
    (key): key is string => key !== null,
  );
  const lockable = sql`(c.cle like 'compte:%' or c.cle like 'adresse:%')`;
  const span = sql`(case when c.cle = ${GLOBAL_KEY} then ${minute} else ${window} end)`;
  // A counter starts afresh when its lock is over, or (never locked) when its window is.
  const fresh = sql`(
      (c.verrouille_jusqu_a is not null and c.verrouille_jusqu_a <= ${at})
      or (c.verrouille_jusqu_a is null and c.debut <= ${at} - ${span}))`;
  const result = await db.execute(sql`
    with prior as (
      select cle, echecs, debut, verrouille_jusqu_a from connexion_echecs
       where cle in (${sql.join(watched, sql`, `)})
    ), verdict as (
      select
        (select max(verrouille_jusqu_a) from prior
          where cle <> ${GLOBAL_KEY} and verrouille_jusqu_a > ${at}) as locked_until,
        coalesce((select echecs >= ${policy.floodPerMinute} from prior
                   where cle = ${GLOBAL_KEY} and debut > ${at} - ${minute}), false)
          and coalesce((select echecs > 0 from prior
                   where cle = ${keys.address ?? ''} and debut > ${at} - ${window}), false) as flood,
        (select debut from prior where cle = ${GLOBAL_KEY}) as global_start
    ), counted as (
      insert into connexion_echecs as c (cle, echecs, debut, verrouille_jusqu_a)
      select k.cle, 1, ${at},
             case when (k.cle like 'compte:%' or k.cle like 'adresse:%') and 1 >= ${policy.maxFailures}
               then ${at} + make_interval(secs => ${policy.lockSeconds}) end
        from (values ${sql.join(
          counters.map((key) => sql`(${key})`),
          sql`, `,
        )}) as k(cle),
             verdict v
       where v.locked_until is null and not v.flood
      on conflict (cle) do update set
        echecs = case when ${fresh} then 1 else c.echecs + 1 end,
        debut = case when ${fresh} then ${at} else c.debut end,
        verrouille_jusqu_a = case
          when not ${lockable} then null
          when ${fresh} then
            case when 1 >= ${policy.maxFailures}
              then ${at} + make_interval(secs => ${policy.lockSeconds}) end
          when c.verrouille_jusqu_a is null and c.echecs + 1 >= ${policy.maxFailures}
            then ${at} + make_interval(secs => ${policy.lockSeconds})
          else c.verrouille_jusqu_a
        end
      returning c.cle, c.echecs, c.verrouille_jusqu_a
    )
    select v.locked_until, v.flood, v.global_start,
           (select json_agg(json_build_object('cle', cle, 'echecs', echecs,
                                              'verrou', verrouille_jusqu_a)) from counted) as counted
      from verdict v`);
  const [row] = parseRows(result, attemptRow);
  if (!row) throw new Error('registerAttempt: no row');
  if (row.locked_until) {
    return {
      allowed: false,
      retryAfterSeconds: secondsUntil(row.locked_until, now),
      reason: 'verrou',
    };
  }
  if (row.flood) {
    const end = new Date((row.global_start ?? now).getTime() + GLOBAL_WINDOW_SECONDS * 1000);
    return { allowed: false, retryAfterSeconds: secondsUntil(end, now), reason: 'afflux' };
  }
  // Parallel attempts that all saw the key unlocked: those past the limit are refused.
  let until: Date | null = null;
  for (const counter of row.counted ?? []) {
    if (counter.cle === GLOBAL_KEY || counter.cle.startsWith('paire:')) continue;
    if (counter.echecs > policy.maxFailures && counter.verrou) {
      const lock = new Date(counter.verrou);
      if (!until || lock > until) until = lock;
    }
  }
  if (until)
    return { allowed: false, retryAfterSeconds: secondsUntil(until, now), reason: 'verrou' };
  return { allowed: true };
}

/**
 * A successful sign-in: the account starts again from zero, the address is forgiven the
 * failures it made on THIS account (within its current window) — never those on other
 * accounts; without an account (CAS), this attempt only — and the module's flood counter
 * loses this attempt.
 */
export async function recordSuccess(
  db: Database,
  keys: ThrottleKeys,
  policy: ThrottlePolicy = throttlePolicy(),
  now: Date = new Date(),
): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  // This attempt alone when there is no pair (CAS), else the pair's failures within the
  // address's window (or this attempt when the pair is older than that window).
  const forgiven = keys.pair
    ? sql`(select case when p.debut >= c.debut then p.echecs else 1 end from pair p)`
    : sql`1`;
  await db.execute(sql`
    with pair as (
      delete from connexion_echecs where cle = ${keys.pair ?? ''} returning echecs, debut
    ), account as (
      delete from connexion_echecs where cle = ${keys.account ?? ''}
    ), address as (
      update connexion_echecs c
         set echecs = greatest(0, c.echecs - coalesce(${forgiven}, 0)),
             verrouille_jusqu_a = case
               when c.echecs - coalesce(${forgiven}, 0) < ${policy.maxFailures} then null
               else c.verrouille_jusqu_a end
       where c.cle = ${keys.address ?? ''}
    )
    update connexion_echecs set echecs = greatest(0, echecs - 1)
     where cle = ${GLOBAL_KEY}
       and debut > ${at} - make_interval(secs => ${GLOBAL_WINDOW_SECONDS})`);
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
