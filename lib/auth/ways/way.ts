// What a sign-in way is (one folder per way under lib/auth/ways/): its next-auth provider,
// its configuration slice (its variables, gathered by lib/config/env.ts), what the login
// page shows for it, the origin its sign-in form leads to (the pages' CSP form-action) and
// its name in the access trace (traces_acces.moyen_connexion, next-auth's provider id).
// next-auth's options (next-auth/options.ts), the login page's loader and proxy.ts go through the
// registry (index.ts): adding a way is adding a folder and listing it there.
import type { Provider } from 'next-auth/providers/index';
import type { AppConfig } from '@/lib/config/env';
import type { MoyenConnexion } from '@/lib/db/enums';

/** What the login page shows for a way. */
export type LoginEntry =
  /** The e-mail and password form. */
  | { type: 'formulaire' }
  /** « Se connecter avec … »: a form sending the browser to the ENT. */
  | { type: 'bouton'; label: string; method: 'get' | 'post'; action: string; csrf: boolean };

export interface EnabledWay {
  id: MoyenConnexion;
  /** next-auth's provider (loaded on first sign-in: the proxy needs none). */
  provider(): Promise<Provider>;
  login: LoginEntry;
  /** The origin its sign-in form leads to, when it is another site (CSP form-action). */
  formTarget: string | null;
}

export interface SignInWay {
  /** next-auth's provider id, and the access trace's way in. */
  id: MoyenConnexion;
  /** The way with this configuration, or null when it is off. */
  enabled(auth: AppConfig['auth']): EnabledWay | null;
}
