// The sign-in ways, in the order the login page shows them (one folder each; way.ts says
// what a way is). The ENT first: where a school has one, it is the teachers' usual way in.
import { appConfig, type AppConfig } from '@/lib/config/env';
import { casWay } from './cas';
import { oidcWay } from './oidc';
import { passwordWay } from './password';
import type { EnabledWay, SignInWay } from './way';

export const SIGN_IN_WAYS: readonly SignInWay[] = [oidcWay, casWay, passwordWay];

/** The ways this configuration turns on. */
export function enabledWays(config: AppConfig = appConfig()): EnabledWay[] {
  return SIGN_IN_WAYS.flatMap((way) => way.enabled(config.auth) ?? []);
}
