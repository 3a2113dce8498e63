// next-auth v4 configuration: e-mail + password (Credentials, unless AUTH_LOCAL=false),
// the school's ENT by OpenID Connect (`ent`) and by CAS (`cas`), each when configured; sessions as encrypted JWTs
// lasting a school day from sign-in. The JWT only carries the user id, its session version
// and the sign-in time; who the user is and what they may see is read from the database at
// each request (session.ts). The session cookie is `Secure` (and `__Secure-` named) when
// NEXTAUTH_URL is https or the request came over https through a trusted proxy, hence one
// set of options per case.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { findAccount } from '../accounts';
import { safeCallbackPath } from '@/lib/http/paths';
import { isUuid } from '@/lib/common/ids';
import { appConfig } from '@/lib/config/env';
import { enabledWays } from '../ways';
import { refusalPath } from '../ent-refusal';
import { getAuthSecret } from '../secret';
import { openSession, revokeSession } from '../sessions';
import { MOYENS_CONNEXION, type MoyenConnexion } from '@/lib/db/enums';
import { metrics } from '@/lib/observability/registry';

const SCHOOL_DAY_SECONDS = appConfig().sessionMaxAgeSeconds;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** What a new session's JWT carries: who, which account version, when, which session row. */
export function signedInToken(
  token: JWT,
  user: { id: string; sessionVersion: number },
  sessionId: string,
  now = nowSeconds(),
): JWT {
  return {
    ...token,
    sub: user.id,
    sessionVersion: user.sessionVersion,
    authTime: now,
    sid: sessionId,
  };
}

function moyenOf(provider: string | undefined): MoyenConnexion {
  const moyen = MOYENS_CONNEXION.find((m) => m === provider);
  if (!moyen) throw new Error(`Fournisseur de connexion inconnu : ${provider ?? 'aucun'}`);
  return moyen;
}

async function buildOptions(secure: boolean): Promise<NextAuthOptions> {
  const providers = await Promise.all(enabledWays().map((way) => way.provider()));
  return {
    secret: getAuthSecret(),
    // Stated rather than left to next-auth's default: session.ts reads the cookie by its name.
    useSecureCookies: secure,
    session: { strategy: 'jwt', maxAge: SCHOOL_DAY_SECONDS },
    jwt: { maxAge: SCHOOL_DAY_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    logger: {
      error(code, metadata) {
        // A session refused by the jwt callback below (expired, revoked) is expected: one line.
        if (code === 'JWT_SESSION_ERROR') {
          const message = metadata instanceof Error ? metadata.message : 'jeton invalide';
          console.warn(`[auth] session refusée : ${message}`);
          return;
        }
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
    // Every way turned on by the configuration (lib/auth/ways/).
    providers,
    events: {
      // next-auth's own sign-out ends this browser's session only, as « Se déconnecter »
      // does (lib/auth/sign-out.ts): a copy of the cookie stops working at its next request.
      async signOut({ token }) {
        if (token?.sub && typeof token.sid === 'string') {
          await revokeSession(await getDb(), token.sub, token.sid);
        }
      },
    },
    callbacks: {
      // An ENT identity no teacher account matches, or a deactivated account's, gets the
      // French 403 page, and no session.
      async signIn({ user, account }) {
        if (account?.provider === 'credentials') return true;
        const refused = await refusalPath(user.id, account?.provider ?? 'ent');
        if (refused) metrics().signIns.inc({ outcome: 'refuse', way: account?.provider ?? 'ent' });
        return refused ?? true;
      },
      async jwt({ token, user, account: signIn }) {
        if (user) {
          const moyen = moyenOf(signIn?.provider);
          const sessionId = await openSession(await getDb(), user.id, moyen, SCHOOL_DAY_SECONDS);
          metrics().signIns.inc({ outcome: 'succes', way: moyen });
          return signedInToken(token, user, sessionId);
        }
        // next-auth's own session endpoint (and its refreshes) answer only for a session the
        // pages would accept: throwing here makes next-auth answer {} and drop the cookie.
        if (
          typeof token.authTime !== 'number' ||
          token.authTime + SCHOOL_DAY_SECONDS < nowSeconds()
        ) {
          throw new Error('session expirée');
        }
        let account;
        try {
          account =
            token.sub && typeof token.sid === 'string' && isUuid(token.sid) && isUuid(token.sub)
              ? await findAccount(await getDb(), token.sub, token.sid)
              : null;
        } catch (error) {
          // A database that cannot answer now says nothing about the session: keep the
          // cookie (every page checks the account again anyway) rather than sign out.
          if (isDatabaseUnavailable(error)) return token;
          throw error;
        }
        if (
          !account?.actif ||
          !account.sessionMoyen ||
          account.sessionVersion !== token.sessionVersion
        ) {
          throw new Error('session révoquée');
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
      // Only our own pages, whatever callbackUrl a link carried.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
  };
}

const byCase = new Map<boolean, Promise<NextAuthOptions>>();

export function authOptionsFor(secure: boolean): Promise<NextAuthOptions> {
  let options = byCase.get(secure);
  if (!options) {
    options = buildOptions(secure);
    byCase.set(secure, options);
  }
  return options;
}
