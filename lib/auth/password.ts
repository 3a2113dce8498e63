// Password hashing (bcrypt, pure JavaScript so no native build is needed on a school PC).
import bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against a hash of a random secret: used for unknown e-mails so that they take
 * as long as known ones and the answer time does not reveal who has an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash(crypto.randomUUID(), COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
