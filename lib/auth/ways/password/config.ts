// The password way's variable: AUTH_LOCAL (on by default; `false` leaves only the ENT).
import { variable, yesNo } from '@/lib/config/env-schema';

export const passwordVariables = {
  AUTH_LOCAL: variable(yesNo(true), {
    groupe: 'Connexion',
    description: "`false` : plus de connexion par mot de passe (l'ENT seulement).",
    defaut: 'true',
    exemple: 'true',
  }),
};

export interface PasswordSettings {
  enabled: true;
}

export function readPasswordSettings(v: { AUTH_LOCAL: boolean }): PasswordSettings | null {
  return v.AUTH_LOCAL ? { enabled: true } : null;
}
