// What our JWT and session carry: the user's id (sub), session version and session id.
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string; sessionVersion: number } & DefaultSession['user'];
  }
  interface User {
    id: string;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sessionVersion?: number;
    /** The sign-in's row in `sessions` (lib/auth/sessions.ts). */
    sid?: string;
    /** Sign-in time (seconds): the session ends SESSION_MAX_AGE_SECONDS after it. */
    authTime?: number;
  }
}
