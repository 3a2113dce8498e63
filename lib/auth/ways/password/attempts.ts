// Proof, handed from the sign-in guard to authorize(), that an attempt was counted: the
// guard issues a single-use id bound to the normalised e-mail it counted, and authorize()
// checks no password without one. So whatever path, method or body shape reaches
// next-auth's credentials provider, no password is checked that the throttle did not see.
// In memory: the guard and authorize() run in the same request, hence the same process.
import 'server-only';
import crypto from 'node:crypto';
import type { ThrottleKeys } from '@/lib/auth/throttle';

const TTL_MS = 60_000;
const MAX_PENDING = 10_000;

export class SignInAttempts {
  private readonly pending = new Map<
    string,
    { email: string; keys: ThrottleKeys; expires: number }
  >();

  constructor(private readonly now: () => number = Date.now) {}

  /** `keys`: the throttle counters the attempt was charged to, cleared if it succeeds. */
  issue(email: string, keys: ThrottleKeys): string {
    this.sweep();
    const id = crypto.randomUUID();
    this.pending.set(id, { email, keys, expires: this.now() + TTL_MS });
    return id;
  }

  /**
   * The attempt's throttle keys, once, for an id issued for exactly this e-mail and not
   * expired; null otherwise (then no password may be checked).
   */
  take(id: unknown, email: string): ThrottleKeys | null {
    if (typeof id !== 'string') return null;
    const entry = this.pending.get(id);
    if (!entry) return null;
    this.pending.delete(id);
    return entry.email === email && entry.expires >= this.now() ? entry.keys : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.pending) {
      if (entry.expires < now || this.pending.size >= MAX_PENDING) this.pending.delete(id);
      else break; // insertion order is expiry order
    }
  }
}

const globalForAttempts = globalThis as typeof globalThis & { cproSignInAttempts?: SignInAttempts };

/** One registry per process: Next bundles the route and next-auth's options separately. */
export function signInAttempts(): SignInAttempts {
  globalForAttempts.cproSignInAttempts ??= new SignInAttempts();
  return globalForAttempts.cproSignInAttempts;
}
