// GET /login/identite-inconnue: the French 403 page for an ENT identity that no teacher
// account of CPRO matches (nothing was created). The identity is shown so that the teacher
// can give it to the administrator who links accounts (`npm run ent:link`).
import 'server-only';
import { AppError, htmlError } from '@/lib/http/app-error';
import { FOURNISSEURS_ENT } from '@/lib/db/enums';

export const UNKNOWN_IDENTITY_MESSAGE =
  'Aucun compte enseignant de CPRO ne correspond à cette identité ENT.';

export function unknownIdentityPage(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const fournisseur = FOURNISSEURS_ENT.find((f) => f === params.get('fournisseur')) ?? 'ent';
  // Shown as text (the page escapes it), without control characters, never too long.
  const identite = (params.get('identite') ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .slice(0, 256);
  const detail = identite ? ` Identité reçue (${fournisseur}) : « ${identite} ».` : '';
  return htmlError(
    new AppError(
      'forbidden',
      `${UNKNOWN_IDENTITY_MESSAGE}${detail} Demandez à l'administrateur de CPRO de la lier à votre compte.`,
      { title: 'Identité ENT inconnue', link: { href: '/login', label: 'Retour à la connexion' } },
    ),
  );
}
