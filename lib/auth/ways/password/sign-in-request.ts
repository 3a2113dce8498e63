// Reads the body of a credentials sign-in exactly once, the way next-auth would (form or
// JSON), and refuses what two readers could understand differently: a repeated field, a
// missing or non-text e-mail or password, an oversized or unreadable body. What it returns
// is what next-auth is then given, so the e-mail counted by the throttle is the e-mail
// whose password is checked.
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, normalizeEmail } from './credentials';

/** The field that carries the guard's attempt id to authorize() (attempts.ts). */
export const ATTEMPT_FIELD = 'cproAttempt';

const MAX_BODY_BYTES = 8 * 1024;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export interface SignInFields {
  /** Sent by next-auth's client (`json=true`): answers are JSON; otherwise a plain form post. */
  wantsJson: boolean;
  /** Normalised: the one the throttle counts and authorize() checks. */
  email: string;
  password: string;
  /** Every field as sent (email normalised), for next-auth. */
  fields: [string, string][];
}

export class InvalidSignInRequest extends Error {
  constructor(
    message: string,
    /** The code /login shows a message for (sign-in-messages.ts). */
    readonly code: 'RequeteInvalide' | 'ChampsVides' = 'RequeteInvalide',
    /** Known once the body is read: how to answer (JSON or a redirect). */
    readonly wantsJson = true,
  ) {
    super(message);
  }
}

function fromForm(text: string): [string, string][] {
  return [...new URLSearchParams(text)];
}

function fromJson(text: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidSignInRequest('Corps JSON illisible.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidSignInRequest('Le corps doit être un objet.');
  }
  return Object.entries(parsed).map(([name, value]) => {
    if (typeof value === 'string') return [name, value];
    if (typeof value === 'boolean' || typeof value === 'number') return [name, String(value)];
    throw new InvalidSignInRequest(`Le champ « ${name} » doit être un texte.`);
  });
}

export async function readSignInRequest(request: Request): Promise<SignInFields> {
  const type = request.headers.get('content-type') ?? '';
  // next-auth reads JSON when the type mentions it, a form when it mentions that, and
  // nothing otherwise: with no body it checks no password, so neither do we accept one.
  const json = type.includes('application/json');
  if (!json && !type.includes('application/x-www-form-urlencoded')) {
    throw new InvalidSignInRequest('Type de contenu non pris en charge.');
  }
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) throw new InvalidSignInRequest('Corps trop long.');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const entries = json ? fromJson(text) : fromForm(text);

  const wantsJson = json || entries.some(([name, v]) => name === 'json' && v === 'true');
  const seen = new Set<string>();
  for (const [name] of entries) {
    if (seen.has(name))
      throw new InvalidSignInRequest(`Champ « ${name} » répété.`, 'RequeteInvalide', wantsJson);
    if (name === ATTEMPT_FIELD)
      throw new InvalidSignInRequest(`Champ « ${name} » interdit.`, 'RequeteInvalide', wantsJson);
    seen.add(name);
  }
  const value = (name: string) => entries.find(([key]) => key === name)?.[1];
  const email = normalizeEmail(value('email') ?? '');
  const password = value('password') ?? '';
  if (!email || !password) {
    throw new InvalidSignInRequest(
      'Adresse électronique et mot de passe requis.',
      'ChampsVides',
      wantsJson,
    );
  }
  // What could never sign anyone in is refused before it is counted or hashed: no account
  // has such an address (and the database stores no NUL), no password is that long.
  if (email.length > MAX_EMAIL_LENGTH || CONTROL_CHARACTERS.test(email)) {
    throw new InvalidSignInRequest('Adresse électronique invalide.', 'RequeteInvalide', wantsJson);
  }
  if (password.length > MAX_PASSWORD_LENGTH || password.includes('\u0000')) {
    throw new InvalidSignInRequest('Mot de passe invalide.', 'RequeteInvalide', wantsJson);
  }
  return {
    wantsJson,
    email,
    password,
    fields: entries.map(([name, v]) => [name, name === 'email' ? email : v]),
  };
}
