// The PRONOTE page posts: create a token — answered with a page that shows it once (it is
// stored hashed: nobody can show it again) — and revoke one.
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { messagePage } from '@/lib/http/message-page';
import { createJetonPronote, revokeJetonPronote } from '../jetons-pronote';
import { field, handleAdminPost, seeOther } from './post';

export const PRONOTE_PATH = `${ADMINISTRATION_PATH}/pronote`;
const BACK = { href: PRONOTE_PATH, label: 'Retour aux jetons PRONOTE' };

export function createJeton(request: Request): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, form, db }) => {
    const created = await createJetonPronote(
      db,
      administrateur.etablissement.id,
      field(form, 'libelle'),
      acteur,
    );
    return messagePage(
      201,
      'Jeton PRONOTE créé',
      'Copiez ce jeton maintenant dans le connecteur PRONOTE : il ne sera plus jamais affiché.',
      {},
      BACK,
      created.jeton,
    );
  });
}

export function revokeJeton(request: Request, jetonId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, db }) => {
    const done = await revokeJetonPronote(db, administrateur.etablissement.id, jetonId, acteur);
    return seeOther(`${PRONOTE_PATH}?fait=${done ? 'revoque' : 'introuvable'}`);
  });
}
