// Sign-in with an e-mail and a password (next-auth's Credentials provider `credentials`),
// counted and throttled by lib/auth/next-auth/sign-in-guard.ts before any password is checked.
import type { SignInWay } from '../way';

export const passwordWay: SignInWay = {
  id: 'credentials',
  enabled: (auth) =>
    auth.password
      ? {
          id: 'credentials',
          provider: async () => (await import('./provider')).credentialsProvider(),
          login: { type: 'formulaire' },
          formTarget: null,
        }
      : null,
};
