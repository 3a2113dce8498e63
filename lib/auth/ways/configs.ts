// The sign-in ways' configuration slices, gathered in one registry: each way's variables (its
// own config.ts, pure zod) and how its settings are read from them. lib/config/env.ts reads
// this list, never a way: a new way adds its config.ts and one line here.
import { casVariables, readCasSettings, type CasSettings } from './cas/config';
import { oidcVariables, readOidcSettings, type OidcSettings } from './oidc/config';
import { passwordVariables, readPasswordSettings, type PasswordSettings } from './password/config';

/** Every way's variables, for the environment's schema. */
export const WAY_VARIABLES = { ...passwordVariables, ...oidcVariables, ...casVariables };

/** The ways' settings: null when a way is off. */
export interface WaysSettings {
  /** Local e-mail + password accounts (AUTH_LOCAL, on by default). */
  password: PasswordSettings | null;
  /** The school's ENT by OpenID Connect, when OIDC_ISSUER, _CLIENT_ID and _SECRET are set. */
  oidc: OidcSettings | null;
  /** The school's ENT by CAS 3.0, when CAS_URL is set (its base, before /login). */
  cas: CasSettings | null;
}

type Variables = {
  AUTH_LOCAL: boolean;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_LABEL?: string;
  CAS_URL?: string;
  CAS_LABEL?: string;
};

type Read<S> = S | null | { probleme: string };

function settled<S extends object>(read: Read<S>, problems: string[]): S | null {
  if (read && 'probleme' in read) {
    problems.push(read.probleme);
    return null;
  }
  return read;
}

/** The ways' settings from the validated variables, or the problems that forbid them. */
export function readWays(
  v: Variables,
  publicUrl: string | undefined,
): { settings: WaysSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: WaysSettings = {
    password: readPasswordSettings(v),
    oidc: settled(readOidcSettings(v), problems),
    cas: settled(readCasSettings(v, publicUrl), problems),
  };
  return { settings, problems };
}
