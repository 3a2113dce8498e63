// The secret that signs session JWTs (and later print tokens). `NEXTAUTH_SECRET` wins;
// without it a random secret is generated once and kept under the data folder, so a
// newcomer needs no environment variable and sessions survive a restart. Whatever the
// database, the folder is made private (0700, files 0600) before the secret is read or
// written there: a loose folder left by an earlier install is fixed and said in the log.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appConfig } from '@/lib/config/env';
import { dataDir } from '@/lib/config/paths';
import { securePrivateDir } from '@/lib/config/private-dir';

let cached: string | undefined;

export function getAuthSecret(): string {
  const configured = appConfig().authSecret;
  if (configured) return configured;
  if (cached) return cached;
  const file = path.join(dataDir(), 'secret');
  securePrivateDir(dataDir());
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    const fresh = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
      cached = fresh;
    } catch {
      // Another process wrote it first: use theirs.
      cached = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return cached;
}
