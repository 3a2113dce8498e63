// The SIECLE import's two posts: the upload (read in memory, previewed, kept as a pending
// import for an hour — never the file) and « Appliquer » (the pending import applied with the
// referentials chosen on the preview page, then removed, in one transaction).
import { ADMINISTRATION_PATH } from '@/lib/http/paths';
import { isUuid } from '@/lib/common/ids';
import { Refus } from '../refus';
import { dropPending, loadPending, storePending } from '../en-attente';
import { readSiecleUpload } from '../siecle/read';
import { siecleFichierSchema } from '../siecle/fichier';
import { applySiecle } from '../siecle/apply';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import type { ChoixReferentiels } from '../siecle/plan';
import { fileField, handleAdminPost, seeOther } from './post';

export const SIECLE_PATH = `${ADMINISTRATION_PATH}/siecle`;
const BACK = { href: SIECLE_PATH, label: 'Retour à l’import SIECLE' };
/** The referential chosen for division CODE is posted as `referentiel:CODE`. */
export const CHOIX_PREFIX = 'referentiel:';

export function uploadSiecle(request: Request): Promise<Response> {
  return handleAdminPost(
    request,
    { limit: BODY_LIMITS.siecle, back: BACK },
    async ({ administrateur, form, db }) => {
      const bytes = await fileField(form, 'fichier');
      if (!bytes)
        throw new Refus(
          'Choisissez le fichier ElevesSansAdresses.xml (ou son zip) exporté de SIECLE.',
        );
      const fichier = await readSiecleUpload(bytes, administrateur.etablissement.uai);
      const id = await storePending(
        db,
        administrateur.etablissement.id,
        administrateur.id,
        'siecle',
        fichier,
      );
      return seeOther(`${SIECLE_PATH}/${id}`);
    },
  );
}

export function applySiecleImport(request: Request, importId: string): Promise<Response> {
  return handleAdminPost(request, { back: BACK }, async ({ administrateur, acteur, form, db }) => {
    const etablissementId = administrateur.etablissement.id;
    const pending = isUuid(importId)
      ? await loadPending(db, etablissementId, 'siecle', importId, siecleFichierSchema)
      : null;
    if (!pending) {
      throw new Refus(
        'Cet import n’existe plus (appliqué, ou prévisualisé il y a plus d’une heure) : déposez de nouveau le fichier.',
      );
    }
    const choix: ChoixReferentiels = new Map();
    for (const [name, value] of form.entries()) {
      if (name.startsWith(CHOIX_PREFIX) && typeof value === 'string' && isUuid(value)) {
        choix.set(name.slice(CHOIX_PREFIX.length), value);
      }
    }
    await applySiecle(db, etablissementId, pending.contenu, choix, acteur, {
      after: (tx) => dropPending(tx, etablissementId, importId),
    });
    return seeOther(`${SIECLE_PATH}?fait=applique`);
  });
}
