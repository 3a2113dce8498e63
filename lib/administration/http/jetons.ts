// The token pages' posts (PRONOTE's and the write API's): create a token — answered with a
// page that shows it once (it is stored hashed: nobody can show it again) — and revoke one.
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { messagePage } from '@/lib/http/message-page';
import type { NatureJeton } from '@/lib/auth/api-tokens';
import { createJeton, revokeJeton } from '../jetons';
import { field, handleAdminPost, seeOther } from './post';

export const TOKEN_PAGES: Record<
  NatureJeton,
  { path: string; label: string; title: string; use: string }
> = {
  pronote: {
    path: `${ADMINISTRATION_PATH}/pronote`,
    label: 'Retour aux jetons PRONOTE',
    title: 'Jeton PRONOTE créé',
    use: 'Copiez ce jeton maintenant dans le connecteur PRONOTE : il ne sera plus jamais affiché.',
  },
  alimentation: {
    path: `${ADMINISTRATION_PATH}/alimentation`,
    label: 'Retour aux jetons d’alimentation',
    title: 'Jeton d’alimentation créé',
    use: 'Copiez ce jeton maintenant dans l’outil qui envoie les bilans : il ne sera plus jamais affiché.',
  },
};

export function createToken(request: Request, nature: NatureJeton): Promise<Response> {
  const page = TOKEN_PAGES[nature];
  const back = { href: page.path, label: page.label };
  return handleAdminPost(request, { back }, async ({ administrateur, acteur, form, db }) => {
    const created = await createJeton(
      db,
      nature,
      administrateur.etablissement.id,
      field(form, 'libelle'),
      acteur,
    );
    return messagePage(201, page.title, page.use, {}, back, created.jeton);
  });
}

export function revokeToken(
  request: Request,
  nature: NatureJeton,
  jetonId: string,
): Promise<Response> {
  const page = TOKEN_PAGES[nature];
  return handleAdminPost(
    request,
    { back: { href: page.path, label: page.label } },
    async ({ administrateur, acteur, db }) => {
      const done = await revokeJeton(db, nature, administrateur.etablissement.id, jetonId, acteur);
      return seeOther(`${page.path}?fait=${done ? 'revoque' : 'introuvable'}`);
    },
  );
}
