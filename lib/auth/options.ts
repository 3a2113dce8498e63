// next-auth v4 configuration: e-mail + password (Credentials), sessions as signed JWTs
// lasting a school day. The JWT only carries the user id and session version; who the
// user is and what they may see is read from the database at each request (session.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db/client';
import { verifyCredentials } from './credentials';
import { getAuthSecret } from './secret';

const SCHOOL_DAY_SECONDS = Number(process.env.SESSION_MAX_AGE_SECONDS ?? 10 * 60 * 60);

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
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
      async authorize(credentials) {
        if (!credentials) return null;
        return verifyCredentials(await getDb(), credentials.email, credentials.password);
      },
    }),
  ],
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
