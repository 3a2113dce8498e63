// next-auth v4 configuration: e-mail + password (Credentials), sessions as signed JWTs
// lasting a school day. The JWT only carries the user id and session version; who the
// user is and what they may see is read from the database at each request (session.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db/client';
import { verifyCredentials } from './credentials';
import { sessionMaxAgeSeconds } from './session-lifetime';
import { secureCookies } from './session-token';
import { getAuthSecret } from './secret';
import { revokeSessions } from './revocation';
import { clearAttempts, throttleKeys } from './throttle';

const SCHOOL_DAY_SECONDS = sessionMaxAgeSeconds();

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  // Stated rather than left to next-auth's default: session.ts reads the cookie by its name.
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: SCHOOL_DAY_SECONDS },
  jwt: { maxAge: SCHOOL_DAY_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Adresse électronique',
      credentials: {
        email: { label: 'Adresse électronique', type: 'email' },
        password: { label: 'Mot de passe', type: 'password' },
      },
      async authorize(credentials, request) {
        if (!credentials) return null;
        const db = await getDb();
        const user = await verifyCredentials(db, credentials.email, credentials.password);
        // The attempt was already counted by sign-in-guard.ts; a success clears the counters.
        if (user) {
          const forwarded = request.headers?.['x-forwarded-for'];
          await clearAttempts(
            db,
            throttleKeys(credentials.email, typeof forwarded === 'string' ? forwarded : null),
          );
        }
        return user;
      },
    }),
  ],
  events: {
    // Signing out bumps the account's session version: a copy of the cookie kept
    // elsewhere stops working at its next request.
    async signOut({ token }) {
      if (token?.sub && typeof token.sessionVersion === 'number') {
        await revokeSessions(await getDb(), token.sub, token.sessionVersion);
      }
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? '',
        sessionVersion: token.sessionVersion ?? -1,
      };
      return session;
    },
  },
};
