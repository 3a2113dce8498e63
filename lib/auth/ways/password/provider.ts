// The password way's next-auth provider (Credentials, id `credentials`). authorize() checks
// no password that the sign-in guard did not count (attempts.ts), and a success is recorded
// with the throttle (it forgives the address its typos on this account).
import 'server-only';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db/client';
import { recordSuccess } from '@/lib/auth/throttle';
import { signInAttempts } from './attempts';
import { normalizeEmail, verifyCredentials } from './credentials';
import { ATTEMPT_FIELD } from './sign-in-request';
import { metrics } from '@/lib/observability/registry';

export function credentialsProvider() {
  return CredentialsProvider({
    name: 'Adresse électronique',
    credentials: {
      email: { label: 'Adresse électronique', type: 'email' },
      password: { label: 'Mot de passe', type: 'password' },
    },
    async authorize(credentials) {
      if (!credentials) return null;
      const email = normalizeEmail(credentials.email ?? '');
      // No password is checked that the sign-in guard did not count (attempts.ts).
      const fields = credentials as Record<string, string | undefined>;
      const keys = signInAttempts().take(fields[ATTEMPT_FIELD], email);
      if (!keys) return null;
      const db = await getDb();
      const user = await verifyCredentials(db, email, credentials.password ?? '');
      if (user) await recordSuccess(db, keys);
      else metrics().signIns.inc({ outcome: 'echec', way: 'credentials' });
      return user;
    },
  });
}
