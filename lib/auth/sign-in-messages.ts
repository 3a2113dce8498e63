// What /login says after a refused sign-in, from the `error` code of its URL (set by the
// sign-in guard, next-auth or the ENT callbacks) — the same words with and without
// JavaScript. A lock says how long it really lasts (`attente`, in seconds).

export const WRONG_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';
export const EMPTY_FIELDS = 'Saisissez votre adresse électronique et votre mot de passe.';

/** « 15 minutes », « 1 minute », « 6 secondes ». */
export function frenchDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} seconde${s > 1 ? 's' : ''}`;
  const minutes = Math.ceil(s / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}

export function lockMessage(seconds: number): string {
  return `Trop de tentatives de connexion : la connexion est bloquée pendant ${frenchDuration(seconds)}.`;
}

/** The module is under a flood of failed sign-ins and this address had failures too. */
export function floodMessage(seconds: number): string {
  return `De très nombreuses connexions échouent en ce moment : après une erreur de saisie, patientez ${frenchDuration(seconds)} avant de réessayer.`;
}

export function signInErrorMessage(code: string | undefined, waitSeconds?: number): string | null {
  switch (code) {
    case undefined:
    case '':
      return null;
    case 'CredentialsSignin':
      return WRONG_CREDENTIALS;
    case 'ChampsVides':
      return EMPTY_FIELDS;
    case 'TropDeTentatives':
      return waitSeconds && waitSeconds > 0
        ? lockMessage(waitSeconds)
        : 'Trop de tentatives de connexion : la connexion est bloquée pour un moment.';
    case 'ConnexionsAfflux':
      return floodMessage(waitSeconds && waitSeconds > 0 ? waitSeconds : 60);
    case 'AutreSite':
      return 'La connexion se fait depuis cette page : saisissez vos identifiants ici.';
    case 'ConnexionsNombreuses':
      return 'Trop de connexions en même temps. Réessayez dans quelques secondes.';
    case 'ServiceIndisponible':
      return 'Le service est momentanément indisponible. Réessayez dans quelques instants.';
    case 'FormulaireExpire':
      return 'Le formulaire de connexion a expiré : saisissez à nouveau vos identifiants.';
    case 'CookiesRefuses':
      return 'Votre navigateur refuse les cookies de ce site : la connexion en a besoin.';
    case 'CasRefuse':
      return "L'ENT n'a pas confirmé votre connexion (lien expiré ou déjà utilisé) : reconnectez-vous par l'ENT.";
    case 'CasIndisponible':
      return "L'ENT ne répond pas pour le moment : réessayez dans quelques instants.";
    default:
      return 'La connexion a échoué. Réessayez dans un instant.';
  }
}

/** `attente` of a /login URL: whole seconds, or undefined. */
export function waitOf(raw: string | null | undefined): number | undefined {
  if (!raw || !/^\d{1,6}$/.test(raw)) return undefined;
  return Number(raw);
}
