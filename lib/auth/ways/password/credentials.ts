// Checks an e-mail and password against the accounts table. The same answer (null) and
// about the same time for an unknown e-mail, a wrong password or a disabled account.
import 'server-only';
import { eq } from 'drizzle-orm';
import { utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { verifyAgainstDummy, verifyPassword } from './password';

export interface AuthenticatedUser {
  id: string;
  sessionVersion: number;
}

/** Longer never matches an account: refused unhashed (sign-in-request.ts refuses it first). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 200;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<AuthenticatedUser | null> {
  const normalized = normalizeEmail(email);
  if (
    !normalized ||
    !password ||
    normalized.length > MAX_EMAIL_LENGTH ||
    password.length > MAX_PASSWORD_LENGTH
  )
    return null;
  const [user] = await db
    .select({
      id: utilisateurs.id,
      passwordHash: utilisateurs.passwordHash,
      actif: utilisateurs.actif,
      sessionVersion: utilisateurs.sessionVersion,
    })
    .from(utilisateurs)
    .where(eq(utilisateurs.email, normalized))
    .limit(1);
  if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || !user.actif) return null;
  return { id: user.id, sessionVersion: user.sessionVersion };
}
