// An ENT identity that may not sign in, and the French 403 page it gets (nothing is
// created, no session is opened). The providers (ways/oidc, ways/cas) hand next-auth a
// marker user for it (entUser); next-auth/options.ts's signIn callback turns the marker into this
// page's address (refusalPath). The identity is shown so that the teacher can give it to
// the administrator who links accounts (`npm run ent:link`) — but only an identity our own
// server put there: the address carries it in a short-lived token signed with the session
// secret, so that nobody can make our 403 page say words of their choosing.
import 'server-only';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError, htmlError } from '@/lib/http/app-error';
import { FOURNISSEURS_ENT, type FournisseurEnt } from '@/lib/db/enums';
import type { LinkedAccount } from './ent-identities';
import { getAuthSecret } from './secret';

export const UNKNOWN_IDENTITY_MESSAGE =
  'Aucun compte enseignant de CPRO ne correspond à cette identité ENT.';
export const DEACTIVATED_MESSAGE = 'Le compte enseignant lié à cette identité ENT est désactivé.';
export const ALREADY_LINKED_MESSAGE =
  'Le compte CPRO de cette adresse électronique est déjà lié à une autre identité ENT.';

const MOTIFS = ['inconnue', 'desactive', 'deja-liee'] as const;
export type Motif = (typeof MOTIFS)[number];

/** Marker ids: never a uuid, so no session could ever be opened with them. */
const MARKER = /^(inconnue|desactive|deja-liee):(.*)$/s;

const AUDIENCE = 'cpro:refus-ent';
const TOKEN_LIFETIME = '10m';

export interface EntUser {
  id: string;
  sessionVersion: number;
}

/** What a provider returns to next-auth for an identity and the account it matched. */
export function entUser(account: LinkedAccount | null | 'deja-liee', identifiant: string): EntUser {
  if (account === 'deja-liee') return { id: `deja-liee:${identifiant}`, sessionVersion: -1 };
  if (account?.actif) return { id: account.id, sessionVersion: account.sessionVersion };
  return { id: `${account ? 'desactive' : 'inconnue'}:${identifiant}`, sessionVersion: -1 };
}

function key(): Uint8Array {
  return new TextEncoder().encode(getAuthSecret());
}

const refusal = z.object({
  fournisseur: z.enum(FOURNISSEURS_ENT),
  identite: z.string().max(256),
  motif: z.enum(MOTIFS),
});

/** The 403 page's address for a marker user (a signed refusal), or null for a real account. */
export async function refusalPath(userId: string, provider: string): Promise<string | null> {
  const marker = MARKER.exec(userId);
  if (!marker) return null;
  const claims = refusal.parse({
    fournisseur: FOURNISSEURS_ENT.find((f) => f === provider) ?? 'ent',
    // Shown as text (the page escapes it), without control characters, never too long.
    identite: (marker[2] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 256),
    motif: marker[1],
  });
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(TOKEN_LIFETIME)
    .sign(key());
  return `/login/identite-inconnue?${new URLSearchParams({ refus: token })}`;
}

/** The refusal a signed token carries, or null (absent, forged, expired). */
async function readRefusal(token: string | null): Promise<z.infer<typeof refusal> | null> {
  if (!token || token.length > 2000) return null;
  try {
    const { payload } = await jwtVerify(token, key(), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const parsed = refusal.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const PAGES: Record<Motif, { title: string; message: string; advice: string }> = {
  inconnue: {
    title: 'Identité ENT inconnue',
    message: UNKNOWN_IDENTITY_MESSAGE,
    advice: "Demandez à l'administrateur de CPRO de la lier à votre compte.",
  },
  desactive: {
    title: 'Compte désactivé',
    message: DEACTIVATED_MESSAGE,
    advice: "Adressez-vous à l'administrateur de CPRO de votre établissement.",
  },
  'deja-liee': {
    title: 'Compte déjà lié',
    message: ALREADY_LINKED_MESSAGE,
    advice:
      "Connectez-vous avec l'identité ENT déjà liée, ou demandez à l'administrateur de CPRO de changer la liaison.",
  },
};

/** GET /login/identite-inconnue?refus=<signed refusal> */
export async function unknownIdentityPage(request: Request): Promise<Response> {
  const given = await readRefusal(new URL(request.url).searchParams.get('refus'));
  const page = PAGES[given?.motif ?? 'inconnue'];
  const detail =
    given && given.identite
      ? ` Identité reçue (${given.fournisseur satisfies FournisseurEnt}) : « ${given.identite} ».`
      : '';
  return htmlError(
    new AppError('forbidden', `${page.message}${detail} ${page.advice}`, {
      title: page.title,
      link: { href: '/login', label: 'Retour à la connexion' },
    }),
  );
}
