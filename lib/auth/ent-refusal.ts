// An ENT identity that may not sign in, and the French 403 page it gets (nothing is
// created, no session is opened). The providers (ent-oidc.ts, ent-cas.ts) hand next-auth a
// marker user for it (entUser); options.ts's signIn callback turns the marker into this
// page's address (refusalPath). The identity is shown so that the teacher can give it to
// the administrator who links accounts (`npm run ent:link`).
import 'server-only';
import { AppError, htmlError } from '@/lib/http/app-error';
import { FOURNISSEURS_ENT, type FournisseurEnt } from '@/lib/db/enums';
import type { LinkedAccount } from './ent-identities';

export const UNKNOWN_IDENTITY_MESSAGE =
  'Aucun compte enseignant de CPRO ne correspond à cette identité ENT.';
export const DEACTIVATED_MESSAGE = 'Le compte enseignant lié à cette identité ENT est désactivé.';

const MOTIFS = ['inconnue', 'desactive'] as const;
type Motif = (typeof MOTIFS)[number];

/** Marker ids: never a uuid, so no session could ever be opened with them. */
const MARKER = /^(inconnue|desactive):(.*)$/s;

export interface EntUser {
  id: string;
  sessionVersion: number;
}

/** What a provider returns to next-auth for an identity and the account it matched. */
export function entUser(account: LinkedAccount | null, identifiant: string): EntUser {
  if (account?.actif) return { id: account.id, sessionVersion: account.sessionVersion };
  return { id: `${account ? 'desactive' : 'inconnue'}:${identifiant}`, sessionVersion: -1 };
}

/** The 403 page for a marker user, or null for a real account. */
export function refusalPath(userId: string, fournisseur: string): string | null {
  const marker = MARKER.exec(userId);
  if (!marker) return null;
  const params = new URLSearchParams({
    fournisseur,
    identite: (marker[2] ?? '').slice(0, 256),
    motif: marker[1] ?? 'inconnue',
  });
  return `/login/identite-inconnue?${params}`;
}

/** GET /login/identite-inconnue */
export function unknownIdentityPage(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const fournisseur: FournisseurEnt =
    FOURNISSEURS_ENT.find((f) => f === params.get('fournisseur')) ?? 'ent';
  const motif: Motif = MOTIFS.find((m) => m === params.get('motif')) ?? 'inconnue';
  // Shown as text (the page escapes it), without control characters, never too long.
  const identite = (params.get('identite') ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .slice(0, 256);
  const detail = identite ? ` Identité reçue (${fournisseur}) : « ${identite} ».` : '';
  const [title, message, advice] =
    motif === 'desactive'
      ? [
          'Compte désactivé',
          DEACTIVATED_MESSAGE,
          "Adressez-vous à l'administrateur de CPRO de votre établissement.",
        ]
      : [
          'Identité ENT inconnue',
          UNKNOWN_IDENTITY_MESSAGE,
          "Demandez à l'administrateur de CPRO de la lier à votre compte.",
        ];
  return htmlError(
    new AppError('forbidden', `${message}${detail} ${advice}`, {
      title,
      link: { href: '/login', label: 'Retour à la connexion' },
    }),
  );
}
