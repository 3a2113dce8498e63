// What our JWT and session carry: the user's id (sub), role and session version.
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
    /** Sign-in time (seconds): the session ends SESSION_MAX_AGE_SECONDS after it. */
    authTime?: number;
  }
}
